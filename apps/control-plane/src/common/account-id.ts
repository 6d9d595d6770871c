declare const ACCOUNT_ID: unique symbol;

/**
 * An account id that came from a trusted source: the request's `Principal` (set by the
 * AuthGuard), or a row this account owns. Tenant repository methods require it, so a bare
 * string (a request body, a path parameter) cannot reach a tenant query by mistake; work
 * that is not on behalf of one account uses the `System*Repository` classes instead.
 */
export type AccountId = string & { readonly [ACCOUNT_ID]: true };

/** Marks a trusted account id (the principal's, or the `account_id` of a row already scoped). */
export function asAccountId(id: string): AccountId {
  return id as AccountId;
}
