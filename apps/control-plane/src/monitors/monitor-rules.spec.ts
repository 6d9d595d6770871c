import type { PlanLimits } from '../config/config';
import { planLimitMessage, withinPlanLimit } from './monitor-rules';

const limits = (maxMonitors: number | null): PlanLimits => ({ maxMonitors, minIntervalSeconds: 60, maxIntervalSeconds: 300, defaultIntervalSeconds: 60 });

describe('withinPlanLimit', () => {
  it.each([
    [10, 9, 1, true],
    [10, 10, 1, false],
    [10, 0, 10, true],
    [10, 0, 11, false],
    [10, 5, 6, false],
    [null, 1_000_000, 1000, true],
    [null, 0, 1, true],
  ])('limit %p with %p monitors, adding %p: %p', (max, count, adding, expected) => {
    expect(withinPlanLimit(limits(max), count, adding)).toBe(expected);
  });

  it('adds one by default', () => {
    expect(withinPlanLimit(limits(3), 2)).toBe(true);
    expect(withinPlanLimit(limits(3), 3)).toBe(false);
  });
});

describe('planLimitMessage', () => {
  const plans = { unlimited: limits(null), free: limits(10), pro: limits(200) };
  it('names the limit and the upgrade', () => {
    expect(planLimitMessage('free', plans)).toBe('Free plan limited to 10 monitors. Upgrade to Pro for up to 200.');
    expect(planLimitMessage('pro', plans)).toBe('Pro plan limited to 200 monitors.');
    expect(planLimitMessage('unlimited', plans)).toBe('The unlimited plan has no monitor limit.');
  });
});
