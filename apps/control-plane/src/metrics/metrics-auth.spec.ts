import { metricsAuthorised } from './metrics.controller';

describe('metricsAuthorised', () => {
  const token = 'metrics-token-0123456789abcdef';
  it('is open without a configured token', () => {
    expect(metricsAuthorised(undefined, undefined)).toBe(true);
    expect(metricsAuthorised(undefined, 'Bearer anything')).toBe(true);
  });
  it('needs exactly the bearer token when configured', () => {
    expect(metricsAuthorised(token, `Bearer ${token}`)).toBe(true);
    expect(metricsAuthorised(token, `bearer  ${token} `)).toBe(true);
    expect(metricsAuthorised(token, undefined)).toBe(false);
    expect(metricsAuthorised(token, ['Bearer', token])).toBe(false);
    expect(metricsAuthorised(token, `Bearer ${token.slice(1)}`)).toBe(false);
    expect(metricsAuthorised(token, `Basic ${token}`)).toBe(false);
    expect(metricsAuthorised(token, `Bearer ${token} extra`)).toBe(false);
  });
});
