import { validationFailed } from '../common/errors';
import { Bucket, bucketMs, DAY_MS, defaultBucket, MAX_POINTS } from './window';

/** 0001-01-01T00:00:00Z: a four-digit year before it (year 0000, or a window reaching back past it) names no day a query can read. */
export const MIN_TIME_MS = -62_135_596_800_000;

/**
 * Parses an ISO 8601 time parameter; 422 with the field name when it is not one, or when it
 * (given or defaulted, as `from` is from `to`) lies before 0001-01-01 (the fuzz suite found
 * `to=0000-01-01` answering 500).
 */
export function parseTime(field: string, raw: string | undefined, fallback: number): Date {
  const t = raw === undefined || raw === '' ? fallback : Date.parse(raw);
  if (raw !== undefined && raw !== '' && (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(t))) {
    throw validationFailed([{ field, message: 'must be an ISO 8601 time, e.g. 2026-11-23T10:00:00Z' }]);
  }
  if (t < MIN_TIME_MS) throw validationFailed([{ field, message: 'must be 0001-01-01T00:00:00Z or later' }]);
  return new Date(t);
}

/** A `YYYY-MM-DD` UTC date; defaults to today. */
export function parseDate(field: string, raw: string | undefined, now: number): Date {
  if (raw === undefined || raw === '') return new Date(Math.floor(now / DAY_MS) * DAY_MS);
  const t = Date.parse(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== raw) {
    throw validationFailed([{ field, message: 'must be a UTC date in YYYY-MM-DD format' }]);
  }
  // Nothing is stored before 1970: an earlier day has no partition to read (and year 0 has none to name).
  if (t < 0) throw validationFailed([{ field, message: 'must be 1970-01-01 or later' }]);
  return new Date(t);
}

/** A window [from, to): `to` defaults to now, `from` to 24 h before `to`. */
export function parseWindow(
  fromRaw: string | undefined,
  toRaw: string | undefined,
  now: number,
): { from: Date; to: Date } {
  const to = parseTime('to', toRaw, now);
  const from = parseTime('from', fromRaw, to.getTime() - DAY_MS);
  if (from.getTime() >= to.getTime()) throw validationFailed([{ field: 'from', message: 'must be before to' }]);
  return { from, to };
}

export function parseBucket(raw: string | undefined, from: Date, to: Date): Bucket {
  const bucket = raw === undefined || raw === '' ? defaultBucket(from, to) : raw;
  if (bucket !== 'minute' && bucket !== 'hour' && bucket !== 'day')
    throw validationFailed([{ field: 'bucket', message: 'must be one of: minute, hour, day' }]);
  const points = Math.ceil((to.getTime() - from.getTime()) / bucketMs(bucket));
  if (points > MAX_POINTS) {
    throw validationFailed([
      {
        field: 'bucket',
        message: `a ${bucket} series of this window has ${points} points per region (at most ${MAX_POINTS}): use a larger bucket or a shorter window`,
      },
    ]);
  }
  return bucket;
}

/** `region` must be one of the monitor's regions when given. */
export function parseRegion(raw: string | undefined, regions: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!regions.includes(raw))
    throw validationFailed([
      { field: 'region', message: `must be one of the monitor's regions: ${regions.join(', ')}` },
    ]);
  return raw;
}
