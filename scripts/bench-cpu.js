'use strict';
/** CPU accounting shared by the benchmarks (Linux /proc; every function returns null elsewhere). */
const { readdirSync, readFileSync } = require('node:fs');

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] || 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by every process whose command name is `comm`. */
function procCpuSeconds(comm) {
  try {
    let total = 0;
    let found = false;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== comm) continue;
      const f = stat.slice(close + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) / 100; // utime + stime, USER_HZ = 100
      found = true;
    }
    return found ? total : null;
  } catch {
    return null;
  }
}

module.exports = { machineCpu, procCpuSeconds };
