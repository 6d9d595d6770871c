import { httpCheckSpec } from './defaults';
import { httpCheckSpecSchema } from './messages';

describe('httpCheckSpec', () => {
  it('builds a valid spec with the product defaults', () => {
    const spec = httpCheckSpec('https://example.com/');
    expect(httpCheckSpecSchema.parse(spec)).toEqual(spec);
    expect(spec).toMatchObject({
      type: 'http',
      url: 'https://example.com/',
      method: 'GET',
      follow_redirects: true,
      expected_status_code: 200,
      timeout_ms: 10_000,
    });
  });

  it('applies overrides', () => {
    const spec = httpCheckSpec('https://example.com/', { timeout_ms: 1000, follow_redirects: false });
    expect(httpCheckSpecSchema.parse(spec)).toEqual(spec);
    expect(spec).toMatchObject({ timeout_ms: 1000, follow_redirects: false, method: 'GET' });
  });
});
