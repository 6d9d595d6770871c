import { privateAnswerRefusal } from './dns.check';

describe('privateAnswerRefusal (issue 13: a dns monitor without a resolver cannot read internal names)', () => {
  it('refuses an A/AAAA answer with a refused address, naming its class only', () => {
    expect(privateAnswerRefusal('A', ['93.184.216.34', '10.96.0.10'], false)).toBe(
      'the answer holds a private address (private); a dns monitor without a resolver may not query internal names; set ALLOW_PRIVATE_TARGETS=true to allow',
    );
    expect(privateAnswerRefusal('A', ['127.0.0.1'], false)).toMatch(/\(loopback\)/);
    expect(privateAnswerRefusal('A', ['169.254.169.254'], false)).toMatch(/\(linkLocal\)/);
    expect(privateAnswerRefusal('AAAA', ['fd00::1'], false)).toMatch(/\(uniqueLocal\)/);
    expect(privateAnswerRefusal('A', ['10.96.0.10'], false)).not.toContain('10.96');
  });
  it('lets public answers, other record types, allowed CIDRs and ALLOW_PRIVATE_TARGETS through', () => {
    expect(privateAnswerRefusal('A', ['93.184.216.34'], false)).toBeNull();
    expect(privateAnswerRefusal('TXT', ['10.0.0.1'], false)).toBeNull();
    expect(privateAnswerRefusal('A', ['10.0.0.1'], true)).toBeNull();
    expect(privateAnswerRefusal('A', ['10.20.0.5'], false, ['10.20.0.0/16'])).toBeNull();
    expect(privateAnswerRefusal('A', ['10.21.0.5'], false, ['10.20.0.0/16'])).toMatch(/private/);
    expect(privateAnswerRefusal('A', [], false)).toBeNull();
  });
});
