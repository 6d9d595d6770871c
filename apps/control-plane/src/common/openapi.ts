import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ErrorCode } from './errors';

/**
 * OpenAPI helpers: every operation documents its typed 2xx answer in the envelope
 * (`ApiEnvelope` / `ApiEnvelopeList`) and its error answers (`ApiErrors`). The test
 * common/openapi.int-spec.ts fails on an operation without a typed 2xx schema.
 */

/** The machine-readable error codes: every error answer carries one (`code`, mapped in HttpErrorFilter). */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'plan_limit',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'rate_limited',
  'upstream_error',
  'internal',
] as const satisfies readonly ErrorCode[];

export class FieldErrorView {
  @ApiProperty({ example: 'json_assertions[0].operator' }) field!: string;
  @ApiProperty({
    example: 'operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists',
  })
  message!: string;
}

/** `{"data": null, "error": "validation failed", "details": [...]}` */
export class ErrorEnvelopeView {
  @ApiProperty({
    type: String,
    nullable: true,
    enum: [null],
    example: null,
    description: 'always null on an error',
  } as never)
  data!: null;
  @ApiProperty({ example: 'validation failed', description: 'a human-readable message' }) error!: string;
  @ApiProperty({ enum: ERROR_CODES, description: 'machine-readable error code' }) code!: (typeof ERROR_CODES)[number];
  @ApiPropertyOptional({ type: [FieldErrorView], description: '422: one entry per invalid field' })
  details?: FieldErrorView[];
  @ApiPropertyOptional({ example: 42, description: '429: seconds to wait (also in the Retry-After header)' })
  retry_after?: number;
  @ApiPropertyOptional({
    example: 'err_3f9c0a1b2d4e5f60',
    description: '500: the reference of the error in the server log',
  })
  error_id?: string;
}

/** `meta` of a paginated list. */
export class ListMetaView {
  @ApiProperty({ example: 42, description: 'items matching the filters, all pages' }) total!: number;
  @ApiPropertyOptional({ example: 500 }) limit?: number;
  @ApiPropertyOptional({ example: 0 }) offset?: number;
  @ApiPropertyOptional({ example: 1, description: '1-based page of this answer' }) page?: number;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 502;

const ERROR_DESCRIPTIONS: Record<ErrorStatus, { description: string; example: Record<string, unknown> }> = {
  400: {
    description: 'Malformed request (invalid JSON body)',
    example: {
      data: null,
      error: 'malformed JSON body: Unexpected token } in JSON at position 12',
      code: 'bad_request',
    },
  },
  401: {
    description: 'Missing or invalid credentials',
    example: { data: null, error: 'missing or invalid API key', code: 'unauthorized' },
  },
  403: {
    description: 'Read-only key writing, plan limit or interval below the plan minimum',
    example: {
      data: null,
      error: 'Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.',
      code: 'plan_limit',
    },
  },
  404: {
    description: 'Unknown id (or an id of another account)',
    example: { data: null, error: 'monitor mon_3k9x0q2m7d1v8b4n not found', code: 'not_found' },
  },
  409: {
    description: 'Conflict (e.g. the slug is taken)',
    example: { data: null, error: 'slug "my-api" is already taken', code: 'conflict' },
  },
  422: {
    description: 'Validation failed: `details` names every invalid field',
    example: {
      data: null,
      error: 'validation failed',
      code: 'validation_failed',
      details: [
        {
          field: 'json_assertions[0].operator',
          message: 'operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists',
        },
      ],
    },
  },
  429: {
    description: 'Rate limited: retry after `retry_after` seconds (Retry-After header)',
    example: {
      data: null,
      error: 'rate limit exceeded: try again in 42 seconds',
      code: 'rate_limited',
      retry_after: 42,
    },
  },
  502: {
    description: 'A registry or the probes did not give an answer (tools)',
    example: { data: null, error: 'registry lookup of example.com timed out after 10000 ms', code: 'upstream_error' },
  },
};

/** The error answers of an operation, each with the error envelope. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeView, FieldErrorView),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status].description,
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorEnvelopeView) },
            example: ERROR_DESCRIPTIONS[status].example,
          },
        },
        ...(status === 429
          ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } }
          : {}),
      }),
    ),
  );
}

/** The errors every authenticated read answers; writes add 403 and 422 (`ApiErrors(...WRITE_ERRORS)`). */
export const READ_ERRORS: ErrorStatus[] = [401, 404, 429];
export const WRITE_ERRORS: ErrorStatus[] = [400, 401, 403, 404, 422, 429];

interface EnvelopeOptions {
  status?: 200 | 201 | 202;
  description?: string;
  /** `meta` of a list (default ListMetaView). */
  meta?: Type<unknown>;
}

const ERROR_NULL = { type: 'string', nullable: true, enum: [null], example: null, description: 'null on success' };

/** A 2xx answer `{"data": <model>, "error": null}`. */
export function ApiEnvelope(model: Type<unknown>, opts: EnvelopeOptions = {}): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiResponse({
      status: opts.status ?? 200,
      description: opts.description ?? 'Success',
      schema: {
        type: 'object',
        required: ['data', 'error'],
        properties: { data: { $ref: getSchemaPath(model) }, error: ERROR_NULL },
      },
    }),
  );
}

/** A 2xx list answer `{"data": [<model>], "error": null, "meta": {total, …}}`. */
export function ApiEnvelopeList(model: Type<unknown>, opts: EnvelopeOptions = {}): MethodDecorator {
  const meta = opts.meta ?? ListMetaView;
  return applyDecorators(
    ApiExtraModels(model, meta),
    ApiResponse({
      status: opts.status ?? 200,
      description: opts.description ?? 'Success',
      schema: {
        type: 'object',
        required: ['data', 'error', 'meta'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(model) } },
          error: ERROR_NULL,
          meta: { $ref: getSchemaPath(meta) },
        },
      },
    }),
  );
}
