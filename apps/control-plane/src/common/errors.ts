/**
 * Domain errors carry a code; the one HTTP edge (HttpErrorFilter) maps codes to
 * status codes. Services throw these, never HttpException.
 */
export type DomainErrorCode =
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'plan_limit'
  | 'conflict'
  | 'validation'
  | 'bad_request';

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `${what} ${id} not found`);
export const validationFailed = (details: FieldError[]) => new DomainError('validation', 'validation failed', details);

export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  plan_limit: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
};
