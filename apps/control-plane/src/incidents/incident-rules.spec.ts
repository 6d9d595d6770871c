import {
  cleanUserText,
  detectedUpdate,
  humanDuration,
  resolvedUpdate,
  statusFilter,
  statusLabel,
} from './incident-rules';

describe('incident rules', () => {
  it('names the failing, up and silent regions in the first update', () => {
    const r = (region: string, is_up: boolean | null) => ({
      region,
      is_up,
      status_code: null,
      response_ms: null,
      error: null,
    });
    expect(
      detectedUpdate([r('eu-west', false), r('us-east', false), r('ap-south', true)], ['eu-west', 'us-east']),
    ).toBe('Down in eu-west, us-east; ap-south up');
    expect(detectedUpdate([r('eu-west', false), r('us-east', null)], ['eu-west'])).toBe(
      'Down in eu-west; no result from us-east',
    );
    expect(detectedUpdate(null, ['eu-west'])).toBe('Down in eu-west');
    expect(detectedUpdate([], [])).toBe('Down in every region that answered');
  });

  it('words the recovery', () => {
    expect(resolvedUpdate(42)).toBe('Recovered after 42 s: the monitor is up again');
    expect(resolvedUpdate(null)).toBe('Recovered: the monitor is up again');
    expect(humanDuration(300)).toBe('5 min');
    expect(humanDuration(3600)).toBe('1 h');
    expect(humanDuration(3900)).toBe('1 h 5 min');
  });

  it('cleans user text: control characters, lone surrogates, length', () => {
    expect(cleanUserText(' a\u0000b\u0007c\n\td ', 100)).toBe('a b c\n\td');
    expect(cleanUserText('x\ud800y\udfffz', 100)).toBe('xyz');
    expect(cleanUserText('😀'.repeat(10), 3)).toBe('😀😀😀');
    expect(cleanUserText('\u0000\u0001', 10)).toBe('');
  });

  it('maps the status filter: open means not resolved', () => {
    expect(statusFilter('open')).toEqual({ unresolved: true });
    expect(statusFilter('resolved')).toEqual({ exact: 'resolved' });
    expect(statusFilter('monitoring')).toEqual({ exact: 'monitoring' });
    expect(statusFilter('bogus')).toBeNull();
    expect(statusFilter(undefined)).toBeNull();
    expect(statusLabel('identified')).toBe('Identified');
    expect(statusLabel('open')).toBe('Investigating');
  });
});
