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
  | 'bad_request'
  | 'rate_limited'
  | 'upstream';

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: FieldError[],
    /** rate_limited: seconds until the caller may try again. */
    readonly retryAfter?: number,
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
  rate_limited: 429,
  upstream: 502,
};

/**
 * The machine-readable `code` of every error answer (the envelope's `code`). The domain
 * codes map one to one, except `validation`, which the API calls `validation_failed`.
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'plan_limit'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  | 'rate_limited'
  | 'upstream_error'
  | 'internal';

export const DOMAIN_ERROR_API_CODE: Record<DomainErrorCode, ErrorCode> = {
  bad_request: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  plan_limit: 'plan_limit',
  not_found: 'not_found',
  conflict: 'conflict',
  validation: 'validation_failed',
  rate_limited: 'rate_limited',
  upstream: 'upstream_error',
};

/** The code of an error answer that did not come from a DomainError (Nest, body-parser). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'validation_failed';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal' : 'bad_request';
  }
}
