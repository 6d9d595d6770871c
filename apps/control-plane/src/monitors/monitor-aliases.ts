import type { FieldError } from '../common/errors';
import type { UpdateMonitorDto } from './dto/monitor.dto';
import type { MonitorType } from './monitor.entity';

/**
 * StatusCore's and StatusPool's create/update field names (SPEC 3.2), accepted on input and
 * mapped to ours before the type's field rules run; responses use our names only.
 *
 * | alias | ours |
 * |---|---|
 * | `type` | `monitor_type` |
 * | `target` | the type's target: `url` (http, https, json_api), `host` (tcp, ping, sip), `hostname` (dns), `ssl_domain` (ssl), `domain` (domain) |
 * | `ssl_check` | `true`: `monitor_type` `https` (certificate checked, expiry warning); `false`: `http` |
 * | `check_locations` | `regions`; `["all"]` is every configured region |
 * | `is_active` | `paused` negated |
 * | `public_status` | `public` |
 * | `interval_seconds` | `check_interval` |
 * | `expected_status` | `expected_status_code` |
 *
 * An alias sent together with our name and a different value is a 422 naming both.
 * `port` is our own field (tcp, sip).
 */
export const ALIAS_FIELDS = [
  'type',
  'target',
  'ssl_check',
  'check_locations',
  'is_active',
  'public_status',
  'interval_seconds',
  'expected_status',
] as const;
export type AliasField = (typeof ALIAS_FIELDS)[number];

/** The alias fields as they arrive (validated for their JSON types by the DTO). */
export interface AliasInput {
  type?: MonitorType;
  target?: string;
  ssl_check?: boolean;
  check_locations?: string[];
  is_active?: boolean;
  public_status?: boolean;
  interval_seconds?: number;
  expected_status?: number;
}

/** Which of our fields `target` means for each type; null: the type has no target. */
const TARGET_FIELD: Readonly<Record<MonitorType, keyof UpdateMonitorDto | null>> = {
  http: 'url',
  https: 'url',
  json_api: 'url',
  ssl: 'ssl_domain',
  tcp: 'host',
  dns: 'hostname',
  heartbeat: null,
  ping: 'host',
  sip: 'host',
  domain: 'domain',
};

/** A host-type target given as a URL (`https://example.com/x`): its host name. Anything else unchanged. */
function hostOf(target: string): string {
  const t = target.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return t;
  try {
    const h = new URL(t).hostname;
    return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h || t;
  } catch {
    return t;
  }
}

const sameRegions = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * Maps the aliases of `input` onto our field names (pure). `existingType` is the monitor's
 * type on update (null on create); `configuredRegions` expands `check_locations: ["all"]`.
 * Returns the request with our names only, or the disagreements as 422 details.
 */
export function resolveAliases<T extends UpdateMonitorDto & AliasInput>(
  input: T,
  existingType: MonitorType | null,
  configuredRegions: readonly string[],
): { dto: Omit<T, AliasField>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const {
    type,
    target,
    ssl_check,
    check_locations,
    is_active,
    public_status,
    interval_seconds,
    expected_status,
    ...rest
  } = input;
  const out = rest as UpdateMonitorDto;
  const disagree = (alias: string, ours: string, aliasValue: unknown, oursValue: unknown) =>
    errors.push({
      field: alias,
      message: `${alias} (${JSON.stringify(aliasValue)}) and ${ours} (${JSON.stringify(oursValue)}) disagree; send one of them`,
    });
  const map = <K extends keyof UpdateMonitorDto>(
    alias: string,
    ours: K,
    value: UpdateMonitorDto[K] | undefined,
    same: (a: NonNullable<UpdateMonitorDto[K]>, b: NonNullable<UpdateMonitorDto[K]>) => boolean = Object.is,
  ) => {
    if (value === undefined) return;
    const current = out[ours];
    if (
      current !== undefined &&
      current !== null &&
      !same(value as NonNullable<UpdateMonitorDto[K]>, current as NonNullable<UpdateMonitorDto[K]>)
    ) {
      disagree(alias, ours, value, current);
      return;
    }
    out[ours] = value;
  };

  map('type', 'monitor_type', type);
  if (ssl_check !== undefined) {
    const t = out.monitor_type ?? existingType ?? 'http';
    if (t === 'http' || t === 'https') {
      const wanted: MonitorType = ssl_check ? 'https' : 'http';
      if (out.monitor_type !== undefined && out.monitor_type !== wanted) {
        errors.push({
          field: 'ssl_check',
          message: `ssl_check ${ssl_check} contradicts monitor_type "${out.monitor_type}" (an https monitor is an http monitor whose certificate is checked)`,
        });
      } else out.monitor_type = wanted;
    } else if (ssl_check && t !== 'ssl') {
      errors.push({
        field: 'ssl_check',
        message: `ssl_check applies to http and https monitors only (use an ssl monitor for ${t} certificates)`,
      });
    }
  }
  if (target !== undefined) {
    const t = out.monitor_type ?? existingType ?? 'http';
    const field = TARGET_FIELD[t] ?? null;
    if (field === null) errors.push({ field: 'target', message: `target does not apply to ${t} monitors` });
    else
      map(
        'target',
        field,
        field === 'url' ? target : hostOf(target),
        (a, b) => String(a).trim().toLowerCase() === String(b).trim().toLowerCase(),
      );
  }
  if (check_locations !== undefined) {
    const all = check_locations.length === 1 && check_locations[0].toLowerCase() === 'all';
    map('check_locations', 'regions', all ? [...configuredRegions] : check_locations, sameRegions);
  }
  if (is_active !== undefined) {
    if (out.paused !== undefined && out.paused === is_active) disagree('is_active', 'paused', is_active, out.paused);
    else out.paused = !is_active;
  }
  map('public_status', 'public', public_status);
  map('interval_seconds', 'check_interval', interval_seconds);
  map('expected_status', 'expected_status_code', expected_status);
  return { dto: out as Omit<T, AliasField>, errors };
}
