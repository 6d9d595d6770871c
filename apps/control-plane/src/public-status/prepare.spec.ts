import { prepare } from './public-status.controller';

// The generator Express uses for `res.send` ETags (weak), to check a prepared body's ETag is the same.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const etag: (body: Buffer, opts: { weak: boolean }) => string = require('etag');

describe('prepare (a cached public answer encoded once)', () => {
  it('encodes UTF-8 and carries the ETag Express would send for the same body', () => {
    for (const body of ['', '{"success":true}', 'Überwachung — 99.95 % ✓ '.repeat(5000)]) {
      const p = prepare(body);
      expect(p.bytes.equals(Buffer.from(body, 'utf8'))).toBe(true);
      expect(p.etag).toBe(etag(Buffer.from(body, 'utf8'), { weak: true }));
    }
    expect(prepare('a').etag).not.toBe(prepare('b').etag);
  });
});
