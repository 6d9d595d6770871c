import { encode, httpCheckSpec, jobId, type JobV1 } from '@parallax/contracts';
import { decodeJob } from './jobs.server';

const job: JobV1 = {
  v: 1,
  job_id: jobId('mon_1', 7),
  monitor_id: 'mon_1',
  round: 7,
  region: 'eu-west',
  scheduled_at: new Date().toISOString(),
  deadline: Date.now() + 60_000,
  check: httpCheckSpec('https://example.com/', { timeout_ms: 5000 }),
};

describe('decodeJob', () => {
  it('decodes a JobV1', () => {
    expect(decodeJob(encode(job))).toEqual({ ok: true, value: job });
  });

  it("accepts Nest's ClientProxy envelope {pattern, data}", () => {
    const wrapped = Buffer.from(JSON.stringify({ pattern: 'parallax.jobs.eu-west', data: job }));
    expect(decodeJob(wrapped)).toEqual({ ok: true, value: job });
  });

  it('reports invalid JSON and schema violations', () => {
    const notJson = decodeJob(Buffer.from('{"v":1,'));
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error).toMatch(/^not JSON/);

    const wrong = decodeJob(encode({ ...job, deadline: -1 }));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toMatch(/^deadline/);

    const badEnvelope = decodeJob(Buffer.from(JSON.stringify({ pattern: 'x', data: { v: 2 } })));
    expect(badEnvelope.ok).toBe(false);
  });
});
