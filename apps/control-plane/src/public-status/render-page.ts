import { createHash } from 'node:crypto';
import { subscribeForm } from '../subscriptions/html';
import {
  BarLevel,
  barLevel,
  dayLabel,
  ERROR_CLASS_TEXT,
  esc,
  OVERALL_TEXT,
  sparklinePoints,
  uptimePercentText,
} from './page-rules';
import type { PageSnapshot, PublicIncident, PublicMaintenance, ShownMonitor } from './public-status.service';

/** Pure: the status page as one HTML document, readable without JavaScript (SPEC 3.7). */

/**
 * Refreshes the page every 60 s while it is visible (a hidden tab refreshes when shown
 * again). Without JavaScript a `<noscript>` meta refresh does the same. Runs in the visitor's
 * browser and reads no wall clock there: the 60 s are counted on `performance.now()`, the
 * page's own monotonic time since it loaded (a changed system clock moves no refresh).
 */
export const REFRESH_SCRIPT =
  '(function(){function tick(){if(performance.now()>=60000&&!document.hidden){location.reload();}' +
  'else{setTimeout(tick,1000);}}setTimeout(tick,1000);})();';

/** The page's Content-Security-Policy: no script but the refresh (by hash), inline styles, never framed. */
export const PAGE_CSP = `default-src 'none'; script-src 'sha256-${createHash('sha256').update(REFRESH_SCRIPT).digest('base64')}'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;

const STATUS_TEXT: Record<string, { text: string; icon: string; cls: string }> = {
  up: { text: 'Operational', icon: '✓', cls: 'ok' },
  degraded: { text: 'Degraded', icon: '!', cls: 'warn' },
  warn: { text: 'Certificate expiring', icon: '!', cls: 'warn' },
  down: { text: 'Down', icon: '✕', cls: 'bad' },
  pending: { text: 'No data yet', icon: '…', cls: 'none' },
};
const REGION_TEXT: Record<string, { text: string; cls: string; icon: string }> = {
  up: { text: 'up', cls: 'ok', icon: '●' },
  down: { text: 'failing', cls: 'bad', icon: '✕' },
};

const iso = (d: Date) => d.toISOString();
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.round(seconds / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

function monitorStatus(m: ShownMonitor) {
  if (m.inMaintenance) return { text: 'Under maintenance', icon: '⚙', cls: 'maint' };
  if (m.paused) return { text: 'Paused', icon: '‖', cls: 'none' };
  const s = STATUS_TEXT[m.status] ?? STATUS_TEXT.pending;
  // Flap damping: its status keeps changing; say so next to the status it has now.
  return m.flapping ? { ...s, text: `${s.text} (flapping)`, cls: s.cls === 'ok' ? 'warn' : s.cls } : s;
}

function regions(m: ShownMonitor): string {
  const items = m.regions.map((r) => {
    const s = REGION_TEXT[m.locationStatus[r] ?? ''] ?? { text: 'no data', cls: 'none', icon: '○' };
    return `<li class="region"><span class="dot ${s.cls}" aria-hidden="true">${s.icon}</span>${esc(r)}<span class="region-state"> ${s.text}</span></li>`;
  });
  const failing = m.regions.filter((r) => m.locationStatus[r] === 'down');
  const summary = failing.length ? `failing in ${failing.join(', ')}` : 'all regions up';
  return `<ul class="regions" aria-label="Regions: ${esc(summary)}">${items.join('')}</ul>`;
}

function bars(m: ShownMonitor): string {
  const cells = m.days.map((d) => {
    const lvl: BarLevel = barLevel(d.checks, d.failures);
    const label = dayLabel(d.day, d.checks, d.failures, m.intervalSeconds);
    return `<li class="bar ${lvl}"><span class="sr">${esc(label)}</span></li>`;
  });
  const pct = uptimePercentText(m.uptime90.checks, m.uptime90.failures);
  return `<div class="history"><ol class="bars" aria-label="Uptime of ${esc(m.name)}, last 90 days">${cells.join('')}</ol><p class="bars-legend"><span>90 days ago</span><span>${pct === null ? 'no data' : `${pct} % uptime`}</span><span>Today</span></p></div>`;
}

function sparkline(m: ShownMonitor): string {
  const points = sparklinePoints(m.spark, 240, 32);
  const known = m.spark.filter((v): v is number => v !== null);
  if (!points) return `<p class="spark-empty">Response time: not enough data for the last 24 h</p>`;
  const avg = Math.round(known.reduce((a, b) => a + b, 0) / known.length);
  const label = `Response time, last 24 hours: average ${avg} ms, from ${Math.round(Math.min(...known))} to ${Math.round(Math.max(...known))} ms`;
  return `<figure class="spark"><svg viewBox="0 0 240 32" width="240" height="32" role="img" aria-label="${esc(label)}" preserveAspectRatio="none"><title>${esc(label)}</title><polyline points="${points}" fill="none" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke"/></svg><figcaption>${avg} ms avg · 24 h</figcaption></figure>`;
}

function monitor(m: ShownMonitor, showRegions: boolean): string {
  const s = monitorStatus(m);
  const target = m.targetUrl ? `<p class="target">${esc(m.targetUrl)}</p>` : '';
  return `<li class="monitor"><div class="monitor-head"><h3>${esc(m.name)}</h3><p class="state ${s.cls}"><span aria-hidden="true">${s.icon}</span> ${esc(s.text)}</p></div>${target}${showRegions ? regions(m) : ''}${bars(m)}${sparkline(m)}</li>`;
}

const INCIDENT_STATUS_TAG: Record<string, { text: string; cls: string }> = {
  open: { text: 'Ongoing', cls: 'bad' },
  investigating: { text: 'Investigating', cls: 'bad' },
  identified: { text: 'Identified', cls: 'warn' },
  monitoring: { text: 'Monitoring', cls: 'maint' },
  resolved: { text: 'Resolved', cls: 'ok' },
};
const IMPACT_TEXT: Record<string, string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
};

/** The timeline, newest first; an automatic incident from before timelines gets its two entries derived. */
function timeline(i: PublicIncident): string {
  if (i.updates.length) {
    return [...i.updates]
      .reverse()
      .map(
        (u) =>
          `<li><time datetime="${iso(u.at)}">${when(u.at)}</time> <strong>${esc(u.label)}</strong>: <span class="update">${esc(u.content)}</span></li>`,
      )
      .join('');
  }
  const entries: string[] = [];
  if (i.resolvedAt)
    entries.push(
      `<li><time datetime="${iso(i.resolvedAt)}">${when(i.resolvedAt)}</time> <strong>Resolved</strong>: ${esc(i.monitorName)} is up again${i.durationSeconds !== null ? ` after ${duration(i.durationSeconds)}` : ''}.</li>`,
    );
  const where = i.affectedRegions.length ? ` in ${i.affectedRegions.map(esc).join(', ')}` : '';
  entries.push(
    `<li><time datetime="${iso(i.startedAt)}">${when(i.startedAt)}</time> <strong>Detected</strong>: ${esc(ERROR_CLASS_TEXT[i.errorClass])}${where}.</li>`,
  );
  return entries.join('');
}

const MAINTENANCE_TAG: Record<string, { text: string; cls: string }> = {
  scheduled: { text: 'Scheduled', cls: 'none' },
  in_progress: { text: 'In progress', cls: 'maint' },
  completed: { text: 'Completed', cls: 'ok' },
  cancelled: { text: 'Cancelled', cls: 'none' },
};

/** A maintenance with its window, affected services, description and timeline (newest first). */
function maintenance(m: PublicMaintenance): string {
  const tag = MAINTENANCE_TAG[m.status] ?? MAINTENANCE_TAG.scheduled;
  const facts = [
    `<time datetime="${iso(m.startsAt)}">${when(m.startsAt)}</time> to <time datetime="${iso(m.endsAt)}">${when(m.endsAt)}</time>`,
  ];
  if (m.monitorNames.length) facts.push(`Affected: ${m.monitorNames.map(esc).join(', ')}`);
  // An entry that only repeats the title or the description (the first one, usually) is not shown twice.
  const items = m.updates
    .filter((u) => u.content !== m.title && u.content !== m.description)
    .reverse()
    .map(
      (u) =>
        `<li><time datetime="${iso(u.at)}">${when(u.at)}</time> <strong>${esc(u.label)}</strong>: <span class="update">${esc(u.content)}</span></li>`,
    )
    .join('');
  const description = m.description ? `<p class="update">${esc(m.description)}</p>` : '';
  return `<article class="incident maintenance" id="maintenance-${esc(m.id)}"><h3>${esc(m.title)} <span class="tag ${tag.cls}">${tag.text}</span></h3><p class="incident-meta">${facts.join(' · ')}</p>${description}${items ? `<ol class="timeline" aria-label="Updates, newest first">${items}</ol>` : ''}</article>`;
}

function incident(i: PublicIncident): string {
  const tag = INCIDENT_STATUS_TAG[i.status] ?? INCIDENT_STATUS_TAG.open;
  const facts: string[] = [];
  if (i.kind === 'manual') facts.push(esc(IMPACT_TEXT[i.impact] ?? i.impact));
  else if (i.affectedRegions.length)
    facts.push(`Failing in ${i.affectedRegions.map(esc).join(', ')} (${esc(ERROR_CLASS_TEXT[i.errorClass])})`);
  if (i.monitorName) facts.push(`Affected: ${esc(i.monitorName)}`);
  const meta = facts.length ? `<p class="incident-meta">${facts.join(' · ')}</p>` : '';
  return `<article class="incident impact-${esc(i.impact)}" id="incident-${esc(i.id)}"><h3>${esc(i.title)} <span class="tag ${tag.cls}">${tag.text}</span></h3>${meta}<ol class="timeline" aria-label="Updates, newest first">${timeline(i)}</ol></article>`;
}

const CSS = `
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--line:#d0d7de;--ok:#1a7f37;--warn:#8a5a00;--bad:#b3261e;--maint:#0b5cad;--none:#8c959f;--minor:#9a6700;--major:#bc4c00;--accent:ACCENT}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--card:#161b22;--line:#30363d;--ok:#3fb950;--warn:#d29922;--bad:#f85149;--maint:#58a6ff;--none:#6e7681;--minor:#d29922;--major:#db6d28}}
:root[data-theme=dark]{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--card:#161b22;--line:#30363d;--ok:#3fb950;--warn:#d29922;--bad:#f85149;--maint:#58a6ff;--none:#6e7681;--minor:#d29922;--major:#db6d28}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.wrap{max-width:960px;margin:0 auto;padding:16px}header.top{border-bottom:3px solid var(--accent);padding:8px 0 12px;margin-bottom:16px}
header.top h1{margin:0;font-size:1.6rem}header.top p{margin:4px 0 0;color:var(--muted)}
.banner{border-radius:8px;padding:14px 16px;margin:0 0 24px;font-size:1.2rem;font-weight:600;color:#fff}
.banner.operational{background:#1a7f37}.banner.degraded{background:#8a5a00}.banner.partial_outage{background:#a33c00}.banner.major_outage{background:#b3261e}.banner.maintenance{background:#0b5cad}
h2{font-size:1.25rem;margin:24px 0 8px}ul.monitors{list-style:none;margin:0;padding:0}
.monitor{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:0 0 12px}
.monitor-head{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap;align-items:baseline}.monitor h3{margin:0;font-size:1.05rem}
.state{margin:0;font-weight:600}.ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad)}.maint{color:var(--maint)}.none{color:var(--muted)}
.target{margin:2px 0;color:var(--muted);font-size:.85rem;word-break:break-all}
ul.regions{list-style:none;display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0;padding:0;font-size:.9rem}.region .dot{margin-right:4px}.region-state{color:var(--muted)}
ol.bars{list-style:none;display:flex;gap:1px;margin:8px 0 0;padding:0;height:32px}.bar{flex:1 1 0;min-width:1px;border-radius:1px;background:var(--none)}
.bar.ok{background:var(--ok)}.bar.minor{background:var(--minor)}.bar.major{background:var(--major)}.bar.critical{background:var(--bad)}.bar.none{background:var(--line)}
.bars-legend{display:flex;justify-content:space-between;margin:2px 0 0;color:var(--muted);font-size:.8rem}
.spark{margin:8px 0 0;display:flex;align-items:center;gap:8px;color:var(--fg)}.spark svg{width:240px;max-width:60%;height:32px}.spark figcaption,.spark-empty{color:var(--muted);font-size:.85rem;margin:0}
.incident{border-left:3px solid var(--line);padding:4px 12px;margin:0 0 12px}.incident h3{margin:0 0 4px;font-size:1rem}.timeline{margin:0;padding-left:18px}.timeline time{color:var(--muted);font-variant-numeric:tabular-nums}
.incident.maintenance{border-left-color:var(--maint)}.incident-meta{margin:0 0 4px;color:var(--muted);font-size:.9rem}.update{white-space:pre-line}.incident.impact-major,.incident.impact-critical{border-left-color:var(--bad)}.incident.impact-minor{border-left-color:var(--warn)}
.tag{font-size:.8rem;border:1px solid currentColor;border-radius:10px;padding:0 6px;margin-left:6px}
footer{margin-top:32px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--bg);padding:4px}
a{color:inherit}
.px-subscribe{display:flex;flex-wrap:wrap;gap:8px;align-items:center}.px-subscribe label{flex-basis:100%}.px-subscribe input{font:inherit;padding:6px 8px;min-width:0;flex:1 1 14rem;max-width:24rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}.px-subscribe button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid var(--line);background:var(--card);color:var(--fg);cursor:pointer}
`;

/** `subscribe`: show the email subscribe form (the server can send email). */
export function renderPage(s: PageSnapshot, opts: { subscribe?: boolean } = {}): string {
  const { page } = s.view;
  const byId = new Map(s.monitors.map((m) => [m.id, m]));
  const section = (id: string, title: string | null, ms: ShownMonitor[]) =>
    ms.length
      ? `<section aria-labelledby="${id}">${title ? `<h2 id="${id}">${esc(title)}</h2>` : `<h2 id="${id}">Services</h2>`}<ul class="monitors">${ms.map((m) => monitor(m, page.showRegions)).join('')}</ul></section>`
      : '';
  const groups = s.view.groups
    .map((g, i) => section(`group-${i}`, g.name, g.monitors.map((m) => byId.get(m.id)!).filter(Boolean)))
    .join('');
  const ungrouped = section(
    'ungrouped',
    s.view.groups.length ? 'Other services' : null,
    s.view.ungrouped.map((m) => byId.get(m.id)!).filter(Boolean),
  );
  const active = s.activeIncidents.length
    ? `<section aria-labelledby="active"><h2 id="active">Active incidents</h2>${s.activeIncidents.map(incident).join('')}</section>`
    : '';
  const maintActive = s.activeMaintenance.length
    ? `<section aria-labelledby="maint-active" class="maint-active"><h2 id="maint-active">Maintenance in progress</h2>${s.activeMaintenance.map(maintenance).join('')}</section>`
    : '';
  const maintUpcoming = s.upcomingMaintenance.length
    ? `<section aria-labelledby="maint-upcoming"><h2 id="maint-upcoming">Upcoming maintenance</h2>${s.upcomingMaintenance.map(maintenance).join('')}</section>`
    : '';
  const past = `<section aria-labelledby="past"><h2 id="past">Past incidents (14 days)</h2>${s.pastIncidents.length ? s.pastIncidents.map(incident).join('') : '<p>No incidents in the last 14 days.</p>'}</section>`;
  const theme = page.theme === 'auto' ? '' : ` data-theme="${page.theme}"`;
  const accent = page.accentColor && /^#[0-9a-f]{6}$/.test(page.accentColor) ? page.accentColor : '#0969da';
  const title = page.companyName ? `${page.title} · ${page.companyName}` : page.title;
  return `<!doctype html>
<html lang="en"${theme}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<noscript><meta http-equiv="refresh" content="60"></noscript>
<script>${REFRESH_SCRIPT}</script>
<meta name="color-scheme" content="${page.theme === 'auto' ? 'light dark' : page.theme}">
<title>${esc(title)}</title>
<style>${CSS.replace('ACCENT', accent)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<div class="wrap">
<header class="top"><h1>${esc(page.title)}</h1>${page.companyName ? `<p>${esc(page.companyName)}</p>` : ''}${page.description ? `<p>${esc(page.description)}</p>` : ''}</header>
<main id="main">
<p class="banner ${s.overall}" role="status" id="overall">${esc(OVERALL_TEXT[s.overall])}</p>
${maintActive}${active}${groups}${ungrouped}${maintUpcoming}${past}${opts.subscribe ? `<section aria-labelledby="subscribe" class="subscribe"><h2 id="subscribe">Subscribe</h2>${subscribeForm(page.slug)}</section>` : ''}
</main>
<footer><p>Last updated <time datetime="${iso(s.now)}">${when(s.now)}</time> · refreshes every 60 s · <a href="/api/public/status/${esc(encodeURIComponent(page.slug))}">JSON</a></p></footer>
</div>
</body>
</html>`;
}
