import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AccountId } from './account-id';

export type KeyScope = 'read_write' | 'read_only';
export type Plan = 'unlimited' | 'free' | 'pro';

/** Who is calling: set on the request by the global AuthGuard. Tenant repository methods take its `accountId` (an `AccountId`). */
export interface Principal {
  accountId: AccountId;
  userId: string | null;
  /** Set when the caller authenticated with an API key. */
  keyId: string | null;
  scope: KeyScope;
  plan: Plan;
}

export const PUBLIC_ROUTE = 'parallax:public';
/** Marks a route (signup, login, health, metrics) as callable without credentials. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The authenticated caller of this request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a public route');
  return req.principal;
});
