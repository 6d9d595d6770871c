import { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint arrives as a string; round numbers and ids fit in a JS number. */
export const bigintNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
