import { forwardedToOtherOrigin, NEVER_FORWARDED_HEADERS } from './redirect-headers';

describe('forwardedToOtherOrigin', () => {
  it('forwards nothing by default (option absent or false)', () => {
    for (const forward of [undefined, false]) {
      expect(forwardedToOtherOrigin({ key: 'Accept' }, forward)).toBe(false);
      expect(forwardedToOtherOrigin({ key: 'X-Trace', sensitive: false }, forward)).toBe(false);
    }
  });

  it('forwards a header not marked sensitive when the monitor asks for it', () => {
    expect(forwardedToOtherOrigin({ key: 'X-Trace' }, true)).toBe(true);
    expect(forwardedToOtherOrigin({ key: 'Accept-Language', sensitive: false }, true)).toBe(true);
  });

  it('never forwards a header marked sensitive', () => {
    expect(forwardedToOtherOrigin({ key: 'X-Api-Key', sensitive: true }, true)).toBe(false);
  });

  it.each(['Authorization', 'authorization', 'PROXY-AUTHORIZATION', 'Cookie', ' cookie '])(
    'never forwards %j, even unmarked',
    (key) => {
      expect(forwardedToOtherOrigin({ key }, true)).toBe(false);
      expect(forwardedToOtherOrigin({ key, sensitive: false }, true)).toBe(false);
    },
  );

  it('the never-forwarded names are the credential headers', () => {
    expect([...NEVER_FORWARDED_HEADERS].sort()).toEqual(['authorization', 'cookie', 'proxy-authorization']);
  });
});
