import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

@Entity('accounts')
export class AccountEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') plan!: 'unlimited' | 'free' | 'pro';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('users')
export class UserEntity {
  @PrimaryColumn('text') id!: string;
  @Index() @Column('text') accountId!: string;
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'users_account_fk' })
  account?: AccountEntity;
  @Index({ unique: true }) @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text') passwordHash!: string;
  /** JWTs carry it (`ver`); logout and a password change increment it, revoking every older token. */
  @Column('integer', { default: 0 }) tokenVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn('text') id!: string;
  @Index() @Column('text') accountId!: string;
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'api_keys_account_fk' })
  account?: AccountEntity;
  @Column('text') name!: string;
  /** First characters of the key, shown in listings so a user can tell keys apart. */
  @Column('text') prefix!: string;
  /** SHA-256 of the whole key; the key itself is shown once and never stored. */
  @Index({ unique: true }) @Column('text') keyHash!: string;
  @Column('text') scope!: 'read_write' | 'read_only';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { nullable: true }) lastUsedAt!: Date | null;
  /** After this instant the key is refused (null: never). */
  @Column('timestamptz', { nullable: true }) expiresAt!: Date | null;
}
