import { ApiProperty } from '@nestjs/swagger';
import type { KeyScope, Plan } from '../../common/principal';

/** Response shapes of the accounts API (snake_case, ISO 8601 UTC timestamps). */

export class AccountView {
  @ApiProperty({ example: 'acc_3k9x0q2m7d1v8b4n' }) id!: string;
  @ApiProperty({ example: 'Acme Ops' }) name!: string;
  @ApiProperty({ enum: ['unlimited', 'free', 'pro'] }) plan!: Plan;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class UserView {
  @ApiProperty({ example: 'usr_5n1c8r0w2k7p3q9z' }) id!: string;
  @ApiProperty({ example: 'you@example.com' }) email!: string;
  @ApiProperty({ example: 'Acme Ops' }) name!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class ApiKeyView {
  @ApiProperty({ example: 'key_8d2m4x0c9v1b7n3q' }) id!: string;
  @ApiProperty({ example: 'ci-pipeline' }) name!: string;
  @ApiProperty({ example: 'px_Q2xN8z', description: 'First characters of the key, to tell keys apart.' })
  prefix!: string;
  @ApiProperty({ enum: ['read_write', 'read_only'] }) scope!: KeyScope;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'Updated at most once a minute.' })
  last_used_at!: string | null;
  @ApiProperty({
    format: 'date-time',
    type: String,
    nullable: true,
    description: 'When the key stops working; null: never.',
  })
  expires_at!: string | null;
}

export class CreatedApiKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty({ enum: ['read_write', 'read_only'] }) scope!: KeyScope;
  @ApiProperty({ description: 'The full key. Shown only in this response; store it now.', example: 'px_…' })
  key!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({
    format: 'date-time',
    type: String,
    nullable: true,
    description: 'When the key stops working; null: never.',
  })
  expires_at!: string | null;
}

export class SignupView {
  @ApiProperty({ type: AccountView }) account!: AccountView;
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({ type: CreatedApiKeyView }) api_key!: CreatedApiKeyView;
}

export class LoginUserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['unlimited', 'free', 'pro'] }) plan!: Plan;
  @ApiProperty() account_id!: string;
}

export class LoginView {
  @ApiProperty({ type: LoginUserView }) user!: LoginUserView;
  @ApiProperty({ description: 'JWT (HS256); send as `Authorization: Bearer <token>`.' }) token!: string;
}

export class LogoutView {
  @ApiProperty({ enum: [true], description: 'every JWT of this user is revoked (its token version moved on)' })
  logged_out!: true;
}

export class PasswordChangedView {
  @ApiProperty({ description: 'a new JWT: the older ones of this user are revoked' }) token!: string;
}

export class AuthInfoView {
  @ApiProperty({ enum: ['api_key', 'jwt'] }) method!: 'api_key' | 'jwt';
  @ApiProperty({ type: String, nullable: true }) key_id!: string | null;
  @ApiProperty({ enum: ['read_write', 'read_only'] }) scope!: KeyScope;
}

export class LimitsView {
  @ApiProperty({ example: 10, type: Number, nullable: true, description: 'null: no limit (the unlimited plan)' })
  max_monitors!: number | null;
  @ApiProperty({ example: 60 }) min_interval_seconds!: number;
}

export class MeView {
  @ApiProperty({ type: UserView, nullable: true, description: 'null when authenticated with an API key.' })
  user!: UserView | null;
  @ApiProperty({ type: AccountView }) account!: AccountView;
  @ApiProperty({ type: AuthInfoView }) auth!: AuthInfoView;
  @ApiProperty({ type: LimitsView }) limits!: LimitsView;
}

export class DeletedView {
  @ApiProperty({ example: true }) deleted!: true;
  @ApiProperty() id!: string;
}
