import type { NotificationPayload } from './events';

/**
 * Native message formats of the monitor's own channels (SPEC 3.5, StatusCore): Slack
 * gets blocks, Discord embeds coloured by status, email a plain-text message.
 */
export const STATUS_COLOURS: Record<string, number> = {
  down: 0xe74c3c, // red
  up: 0x2ecc71, // green
  degraded: 0xf39c12, // orange
  warn: 0xf1c40f, // yellow
  pending: 0x95a5a6, // grey
};
const EVENT_COLOURS: Record<string, number> = {
  'incident.created': STATUS_COLOURS.down,
  'incident.resolved': STATUS_COLOURS.up,
  'sla.breach': STATUS_COLOURS.warn,
  'monitor.anomaly': STATUS_COLOURS.warn,
  'monitor.flapping': STATUS_COLOURS.degraded,
  test: 0x3498db,
};

/** One line that says what happened, e.g. "Production API is DOWN (was up)". */
export function headline(p: NotificationPayload): string {
  const name = p.monitor?.name ?? 'Parallax';
  if (p.regional && p.event === 'monitor.degraded') {
    // A regional incident (decisions/regional-incident.ts): one region's trouble, never "down".
    return `${name} is DEGRADED in ${p.regional.affected_regions.join(', ')}: failing ${p.regional.rounds} consecutive rounds (regional incident)`;
  }
  switch (p.event) {
    case 'incident.created':
      return `Incident opened: ${name} is down`;
    case 'incident.resolved':
      return `Incident resolved: ${name} is back up${p.incident?.duration_seconds != null ? ` after ${p.incident.duration_seconds}s` : ''}`;
    case 'sla.breach':
      return `SLA breach: ${name} at ${p.sla?.uptime_percent.toFixed(3)}% over ${p.sla?.window_days} days (target ${p.sla?.target_percent}%)`;
    case 'monitor.anomaly': {
      const a = p.anomaly;
      if (!a) return `Anomaly: ${name}`;
      return a.state === 'open'
        ? `Anomaly: ${name} ${a.metric} in ${a.region} at ${a.observed} (expected ${a.expected.lower}–${a.expected.upper})`
        : `Anomaly over: ${name} ${a.metric} in ${a.region} is back in its band`;
    }
    case 'test':
      return p.message ?? 'Parallax test notification';
    case 'monitor.flapping':
      return `${name} is FLAPPING (${p.flapping?.changes ?? 'many'} changes in ${Math.round((p.flapping?.window_seconds ?? 3600) / 60)} min): alerts paused until it is stable`;
    case 'monitor.stable':
      return `${name} is stable again: ${String(p.status).toUpperCase()}${p.flapping ? ` (${p.flapping.collapsed} alerts collapsed while flapping)` : ''}`;
    default:
      if (p.reminder) return `Reminder #${p.reminder.count}: ${name} is still DOWN`;
      return `${name} is ${String(p.status).toUpperCase()}${p.previous_status ? ` (was ${p.previous_status})` : ''}`;
  }
}

function details(p: NotificationPayload): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  if (p.monitor) out.push({ label: 'Monitor', value: `${p.monitor.name} (${p.monitor.url})` });
  if (p.decision)
    out.push({
      label: 'Regions up',
      value: `${p.decision.regions_up}/${p.decision.regions_checked} (quorum ${p.decision.quorum})`,
    });
  const failing = p.region_results.filter((r) => r.is_up === false);
  if (failing.length)
    out.push({ label: 'Failing', value: failing.map((r) => `${r.region}: ${r.error ?? r.status_code}`).join('\n') });
  if (p.rate_limited?.collapsed)
    out.push({
      label: 'Rate limited',
      value: `${p.rate_limited.collapsed} earlier notification(s) not sent (rate limit)`,
    });
  out.push({ label: 'Time', value: p.timestamp });
  return out;
}

export function slackMessage(p: NotificationPayload): Record<string, unknown> {
  const text = headline(p);
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: text.slice(0, 150) } },
      {
        type: 'section',
        fields: details(p).map((d) => ({ type: 'mrkdwn', text: `*${d.label}*\n${d.value}`.slice(0, 2000) })),
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `event \`${p.event}\`${p.sequence != null ? ` · #${p.sequence}` : ''}` }],
      },
    ],
  };
}

export function discordMessage(p: NotificationPayload): Record<string, unknown> {
  const colour = EVENT_COLOURS[p.event] ?? STATUS_COLOURS[p.status ?? 'pending'] ?? STATUS_COLOURS.pending;
  return {
    embeds: [
      {
        title: headline(p).slice(0, 256),
        color: colour,
        timestamp: p.timestamp,
        url: p.monitor?.url?.startsWith('http') ? p.monitor.url : undefined,
        fields: details(p).map((d) => ({
          name: d.label,
          value: d.value.slice(0, 1024),
          inline: d.label !== 'Failing',
        })),
        footer: { text: `Parallax · ${p.event}${p.sequence != null ? ` · #${p.sequence}` : ''}` },
      },
    ],
  };
}

export function emailMessage(p: NotificationPayload): { subject: string; text: string } {
  const subject = `[Parallax] ${headline(p)}`;
  const lines = [
    headline(p),
    '',
    ...details(p).map((d) => `${d.label}: ${d.value}`),
    '',
    `Event: ${p.event}${p.sequence != null ? ` (#${p.sequence})` : ''}`,
  ];
  return { subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 250), text: lines.join('\n') };
}
