import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { PAGE_CSP, REFRESH_SCRIPT } from './render-page';

/**
 * The refresh script of the status page runs in the visitor's browser: here in a sandbox
 * whose `performance.now()`, timers, `document.hidden` and `location.reload` the test drives.
 */
function browser() {
  const timers: { due: number; fn: () => void }[] = [];
  const b = {
    nowMs: 0,
    hidden: false,
    reloads: 0,
    /** Moves the page's time on by `ms`, running the timers that come due on the way. */
    advance(ms: number) {
      const end = b.nowMs + ms;
      for (;;) {
        timers.sort((x, y) => x.due - y.due);
        const next = timers[0];
        if (!next || next.due > end) break;
        timers.shift();
        b.nowMs = next.due;
        next.fn();
      }
      b.nowMs = end;
    },
  };
  const sandbox = {
    performance: { now: () => b.nowMs },
    setTimeout: (fn: () => void, ms: number) => timers.push({ due: b.nowMs + ms, fn }),
    document: {
      get hidden() {
        return b.hidden;
      },
    },
    location: { reload: () => (b.reloads += 1) },
  };
  runInNewContext(REFRESH_SCRIPT, sandbox);
  return b;
}

describe('the status page refresh script', () => {
  it('reloads the page 60 s after it loaded, not before', () => {
    const b = browser();
    b.advance(59_000);
    expect(b.reloads).toBe(0);
    b.advance(1_000);
    expect(b.reloads).toBe(1);
  });

  it('waits while the tab is hidden and reloads within a second of it being shown again', () => {
    const b = browser();
    b.hidden = true;
    b.advance(300_000);
    expect(b.reloads).toBe(0);
    b.hidden = false;
    b.advance(1_000);
    expect(b.reloads).toBe(1);
  });

  it('reads no wall clock (page time only), and the CSP allows exactly this script by its hash', () => {
    expect(REFRESH_SCRIPT).not.toMatch(/\bDate\b/);
    const hash = createHash('sha256').update(REFRESH_SCRIPT).digest('base64');
    expect(PAGE_CSP).toContain(`script-src 'sha256-${hash}';`);
  });
});
