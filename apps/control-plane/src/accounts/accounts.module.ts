import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AccountEntity, ApiKeyEntity, UserEntity } from './account.entity';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { ApiKeysController } from './api-keys.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { PlanLimitsService } from './plan-limits';
import { ApiThrottlerGuard, RateLimitModule, RateLimitStoreModule } from './rate-limit.guard';

export {
  ApiThrottlerGuard,
  RateLimitModule,
  RateLimitStoreModule,
  RateLimiter,
  RateLimitedError,
} from './rate-limit.guard';
export { AuthGuard } from './auth.guard';
export { AccountsService } from './accounts.service';
export { PlanLimitsService, planLimits } from './plan-limits';

/**
 * Accounts bounded context: signup, login, /auth/me, API keys, request authentication
 * and rate limiting. Register the guards globally, in this order, in the root module:
 *   { provide: APP_GUARD, useExisting: AuthGuard },
 *   { provide: APP_GUARD, useExisting: ApiThrottlerGuard },
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AccountEntity, UserEntity, ApiKeyEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    RateLimitModule,
    RateLimitStoreModule,
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [AccountsRepository, AccountsService, PlanLimitsService, AuthGuard, ApiThrottlerGuard],
  exports: [AccountsService, PlanLimitsService, AuthGuard, ApiThrottlerGuard],
})
export class AccountsModule {}
