import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Expose, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max } from 'class-validator';
import { clampInt } from './clamp';
import { MAX_OFFSET } from './paging';

/**
 * Query parameters are parsed by query DTOs (`@Query() q: XQuery`), never in controllers
 * (issue 12 item 6). The global validation pipe validates them like bodies, except that an
 * unknown query key is ignored rather than refused (common/validation.ts). The input
 * normaliser has already made every value one string (first of repeated keys wins).
 */

/** `limit`-like integers: clamped to [min, max], absent/empty/not a number → the default. StatusRooster: "Query parameters like limit and hours on GET endpoints are silently clamped to their valid bounds". */
export function ClampedIntQuery(min: number, max: number, dflt: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: min,
      maximum: max,
      default: dflt,
      description: description ?? `${min}–${max}, default ${dflt} (clamped to the bounds)`,
    }),
    // Exposed, so that the transform also runs when the key is absent (and gives the default).
    Expose(),
    Transform(({ value }) => clampInt(value, min, max, dflt)),
    IsInt(),
  );
}

/** The integer an `offset` query value stands for: truncated, negative or not a number → 0 (absent stays absent). */
export function offsetValue(raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = Math.trunc(Number(raw));
  return Number.isFinite(n) ? Math.max(0, n) : 0;
}

/** `offset`: at most MAX_OFFSET, beyond it 422 naming `offset` (keyset paging or filters go further). */
export function OffsetQuery(
  hint = 'narrow the query with its filters',
  description = `0–${MAX_OFFSET}; beyond, 422`,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0, description }),
    Transform(({ value }) => offsetValue(value)),
    IsOptional(),
    IsInt(),
    Max(MAX_OFFSET, { message: ({ value }) => `offset ${String(value)} is beyond ${MAX_OFFSET}; ${hint}` }),
  );
}

/** An optional free-text filter (an id, a region, a group): a string as given. */
export function TextQuery(example?: string, description?: string, format?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, example, description, ...(format ? { format } : {}) }),
    IsOptional(),
    IsString(),
  );
}

/**
 * An optional choice kept as given: the services decide what an unknown value means (most
 * ignore it, as the reference does), so the DTO documents the enum without refusing others.
 */
export function ChoiceQuery(values: readonly string[], description?: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ enum: [...values], description }), IsOptional(), IsString());
}

/** A strict choice: any other value answers 422 naming the parameter. */
export function StrictChoiceQuery(values: readonly string[], description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: [...values], description }),
    IsOptional(),
    IsIn(values, { message: ({ property }) => `${property} must be one of: ${values.join(', ')}` }),
  );
}
