import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import type { Plan } from '../common/principal';
import type { Tx } from '../database/transaction';
import { AccountEntity, ApiKeyEntity, UserEntity } from './account.entity';
import type { AccountId } from '../common/account-id';

export interface UserWithPlan {
  user: UserEntity;
  plan: Plan;
}

export interface ApiKeyWithPlan {
  key: ApiKeyEntity;
  plan: Plan;
}

const UNIQUE_VIOLATION = '23505';

/**
 * The only place that touches TypeORM for accounts, users and API keys. Every read of
 * tenant data takes the account id; the two exceptions are the authentication entry
 * points (a user by email at login, a key by its hash), which run before the account
 * is known and return the account id they found.
 */
@Injectable()
export class AccountsRepository {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
  ) {}

  async insertAccount(tx: Tx, account: AccountEntity): Promise<void> {
    await tx.insert(AccountEntity, account);
  }

  /**
   * Inserts a user; false when the email is already registered (unique index). The
   * failed statement aborts the transaction, so the caller must end it by throwing.
   */
  async insertUser(tx: Tx, user: UserEntity): Promise<boolean> {
    try {
      await tx.insert(UserEntity, user);
      return true;
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string })?.code === UNIQUE_VIOLATION)
        return false;
      throw err;
    }
  }

  /** Locks the account row (FOR UPDATE) and counts its API keys. */
  async lockAndCountApiKeys(tx: Tx, accountId: string): Promise<number> {
    await tx.query(`SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE`, [accountId]);
    return tx.count(ApiKeyEntity, { where: { accountId } });
  }

  async insertApiKey(key: ApiKeyEntity, tx?: Tx): Promise<void> {
    await (tx ?? this.keys.manager).insert(ApiKeyEntity, key);
  }

  /** Login lookup: the user with this (normalised) email and their account's plan. */
  async findUserByEmail(email: string): Promise<UserWithPlan | null> {
    const { entities, raw } = await this.users
      .createQueryBuilder('u')
      .innerJoin(AccountEntity, 'a', 'a.id = u.account_id')
      .addSelect('a.plan', 'account_plan')
      .where('u.email = :email', { email })
      .getRawAndEntities<{ account_plan: Plan }>();
    return entities[0] ? { user: entities[0], plan: raw[0].account_plan } : null;
  }

  /** Authentication lookup: the key with this SHA-256 hash and its account's plan. */
  async findApiKeyByHash(keyHash: string): Promise<ApiKeyWithPlan | null> {
    const { entities, raw } = await this.keys
      .createQueryBuilder('k')
      .innerJoin(AccountEntity, 'a', 'a.id = k.account_id')
      .addSelect('a.plan', 'account_plan')
      .where('k.key_hash = :keyHash', { keyHash })
      .getRawAndEntities<{ account_plan: Plan }>();
    return entities[0] ? { key: entities[0], plan: raw[0].account_plan } : null;
  }

  /** A JWT's user, only if it still belongs to the account named in the token. */
  async findUserWithPlan(accountId: AccountId, userId: string): Promise<UserWithPlan | null> {
    const { entities, raw } = await this.users
      .createQueryBuilder('u')
      .innerJoin(AccountEntity, 'a', 'a.id = u.account_id')
      .addSelect('a.plan', 'account_plan')
      .where('u.id = :userId AND u.account_id = :accountId', { userId, accountId })
      .getRawAndEntities<{ account_plan: Plan }>();
    return entities[0] ? { user: entities[0], plan: raw[0].account_plan } : null;
  }

  findAccount(accountId: AccountId): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ id: accountId });
  }

  /** Stores a new password hash; `bumpTokenVersion` also revokes the user's JWTs. The new token version. */
  async updateCredentials(
    accountId: AccountId,
    userId: string,
    passwordHash: string | null,
    bumpTokenVersion: boolean,
  ): Promise<number | null> {
    // An UPDATE through TypeORM's query() answers [rows, rowCount].
    const [rows]: [{ token_version: number }[], number] = await this.users.manager.query(
      `UPDATE users SET password_hash = COALESCE($3, password_hash), token_version = token_version + $4 WHERE id = $1 AND account_id = $2 RETURNING token_version`,
      [userId, accountId, passwordHash, bumpTokenVersion ? 1 : 0],
    );
    return rows.length ? rows[0].token_version : null;
  }

  findUser(accountId: AccountId, userId: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id: userId, accountId });
  }

  async listApiKeys(
    accountId: AccountId,
    limit: number,
    offset: number,
  ): Promise<{ items: ApiKeyEntity[]; total: number }> {
    const [items, total] = await this.keys.findAndCount({
      where: { accountId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  /** Deletes the key if it belongs to the account; false when there is no such key there. */
  async deleteApiKey(accountId: AccountId, keyId: string): Promise<boolean> {
    const result = await this.keys.delete({ id: keyId, accountId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Records use of a key, writing only when the stored value is older than
   * `minIntervalSeconds` (so replicas sharing the key do not all write).
   */
  async touchApiKey(accountId: AccountId, keyId: string, minIntervalSeconds: number, now: Date): Promise<void> {
    await this.keys
      .createQueryBuilder()
      .update(ApiKeyEntity)
      .set({ lastUsedAt: now })
      .where('id = :keyId AND account_id = :accountId', { keyId, accountId })
      .andWhere(
        `(last_used_at IS NULL OR last_used_at < :now::timestamptz - make_interval(secs => :minIntervalSeconds))`,
        {
          minIntervalSeconds,
          now,
        },
      )
      .execute();
  }

  /** The email of the account's first user (the default alert address). */
  async firstUserEmail(tx: Tx, accountId: AccountId): Promise<string | null> {
    const user = await tx
      .getRepository(UserEntity)
      .findOne({ where: { accountId }, order: { createdAt: 'ASC' }, select: { email: true } });
    return user?.email ?? null;
  }
}
