import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationFailed } from './errors';

/** Where @nestjs/swagger keeps a property's @ApiProperty options (its DECORATORS.API_MODEL_PROPERTIES; the constants module is not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const isIndex = /^\d+$/.test(e.property);
    const field = parent ? (isIndex ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    if (e.constraints) {
      for (const [rule, message] of Object.entries(e.constraints)) {
        out.push({ field, message: rule === 'whitelistValidation' ? `unknown field "${field}"` : message });
      }
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * `@IsOptional()` lets `null` past every validator, so a `null` would reach the services (and gave 500s).
 * The rule: a body property may be `null` only where its DTO documents it `nullable` (what the OpenAPI
 * document says); everywhere else it answers 422 naming the field. Walks nested DTO instances and arrays.
 */
export function nullViolations(value: unknown, parent = '', depth = 0): FieldError[] {
  if (value === null || typeof value !== 'object' || depth > 32) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullViolations(item, `${parent}[${i}]`, depth + 1));
  const proto = Object.getPrototypeOf(value) as object | null;
  if (!proto || proto === Object.prototype) return [];
  const out: FieldError[] = [];
  for (const [name, v] of Object.entries(value)) {
    const field = parent ? `${parent}.${name}` : name;
    if (v === null) {
      const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, proto, name) as { nullable?: boolean } | undefined;
      if (!documented?.nullable) out.push({ field, message: `${field} must not be null` });
    } else {
      out.push(...nullViolations(v, field, depth + 1));
    }
  }
  return out;
}

const exceptionFactory = (errors: ValidationError[]) => validationFailed(flatten(errors));

class EdgeValidationPipe extends ValidationPipe {
  /**
   * Query DTOs (common/query.ts) are validated like bodies, but a query key a DTO does not
   * declare is ignored rather than refused: clients and the reference scripts add their own
   * (cache busters, the other reference's names), and a GET has no write to protect.
   */
  private readonly queryPipe = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory,
  });

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query') return this.queryPipe.transform(value, metadata);
    const out = await super.transform(value, metadata);
    if (metadata.type === 'body') {
      const nulls = nullViolations(out);
      if (nulls.length) throw validationFailed(nulls);
    }
    return out;
  }
}

/** The global pipe: unknown fields, wrong types and undocumented nulls answer 422 with field-level details. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory,
  });
}
