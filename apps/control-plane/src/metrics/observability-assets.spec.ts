import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

import type { Registry } from 'prom-client';
// The drift test reads both apps' registries (a spec only; no app code crosses the boundary).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ProbeMetrics } from '../../../probe/src/metrics';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { ProbeConfig } from '../../../probe/src/config';
import { MetricsService } from './metrics.service';

/**
 * The Grafana dashboard and the Prometheus alerts in deploy/ name metrics and labels
 * that the apps define in code. This test reads the metrics the two apps register (the
 * prom-client registries of a control plane's MetricsService and a probe's ProbeMetrics,
 * not their source text) and fails when a dashboard panel or an alert refers to a metric
 * or label that does not exist, so the assets cannot drift from the code.
 */
const ROOT = resolve(__dirname, '../../../..');
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');

type Kind = 'Counter' | 'Gauge' | 'Histogram';
interface MetricDef {
  kind: Kind;
  labels: string[];
}

const KINDS: Record<string, Kind> = { counter: 'Counter', gauge: 'Gauge', histogram: 'Histogram' };

/** The Parallax metrics a registry holds (the default process metrics left out), with their kind and label names. */
function definitions(registry: Registry): Map<string, MetricDef> {
  const defs = new Map<string, MetricDef>();
  for (const m of registry.getMetricsAsArray() as unknown as { name: string; type: string; labelNames: string[] }[]) {
    if (!/^(parallax|probe)_/.test(m.name)) continue;
    defs.set(m.name, { kind: KINDS[m.type], labels: [...m.labelNames] });
  }
  return defs;
}

const probeMetrics = new ProbeMetrics({ region: 'eu-west', version: 'test' } as ProbeConfig);
const defined = new Map([...definitions(new MetricsService().registry), ...definitions(probeMetrics.registry)]);

/** Labels Prometheus adds to every scraped series, and the histogram bucket label. */
const TARGET_LABELS = ['job', 'instance', 'namespace', 'pod', 'service', 'container'];

/** The metric a series name belongs to (a histogram's _bucket/_sum/_count series included). */
function metricOf(series: string): { name: string; def: MetricDef; bucket: boolean } | null {
  const direct = defined.get(series);
  if (direct) return { name: series, def: direct, bucket: false };
  const m = /^(.*)_(bucket|sum|count)$/.exec(series);
  const h = m && defined.get(m[1]);
  if (m && h && h.kind === 'Histogram') return { name: m[1], def: h, bucket: m[2] === 'bucket' };
  return null;
}

/** Every problem with one PromQL expression: unknown metrics, unknown labels. */
function problems(expr: string): string[] {
  const out: string[] = [];
  const series = [...new Set([...expr.matchAll(/\b(?:parallax|probe)_[a-z0-9_]+/g)].map((m) => m[0]))];
  if (!series.length) out.push(`no Parallax metric in ${expr}`);
  const usable = new Set([...TARGET_LABELS]);
  for (const s of series) {
    const metric = metricOf(s);
    if (!metric) {
      out.push(`unknown metric ${s}`);
      continue;
    }
    metric.def.labels.forEach((l) => usable.add(l));
    if (metric.bucket) usable.add('le');
    else if (s.endsWith('_bucket')) out.push(`${s}: not a histogram`);
  }
  for (const sel of expr.matchAll(/\b((?:parallax|probe)_[a-z0-9_]+)\{([^}]*)\}/g)) {
    const metric = metricOf(sel[1]);
    if (!metric) continue;
    for (const l of sel[2].matchAll(/([a-z_]+)\s*(?:=~|!~|!=|=)/g)) {
      if (!metric.def.labels.includes(l[1]) && !TARGET_LABELS.includes(l[1]))
        out.push(`${sel[1]} has no label ${l[1]}`);
    }
  }
  for (const by of expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)) {
    for (const l of by[1]
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean))
      if (!usable.has(l)) out.push(`label ${l} in "${by[0]}" is not a label of the metrics used`);
  }
  return out;
}

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: { expr: string; refId: string }[];
  panels?: Panel[];
}

describe('observability assets', () => {
  it('finds the metric definitions of both apps', () => {
    expect(defined.get('parallax_scheduler_lag_seconds')?.kind).toBe('Histogram');
    expect(defined.get('probe_check_duration_seconds')).toEqual({ kind: 'Histogram', labels: ['region', 'type'] });
    expect(defined.get('parallax_region_healthy')).toEqual({ kind: 'Gauge', labels: ['region'] });
    expect(defined.get('probe_in_flight')?.kind).toBe('Gauge');
    expect(defined.size).toBeGreaterThanOrEqual(30);
  });

  it('the checker catches an unknown metric, a wrong label and a non-histogram bucket', () => {
    expect(problems('rate(parallax_jobs_dispatched_totl[5m])')).toEqual([
      'unknown metric parallax_jobs_dispatched_totl',
    ]);
    expect(problems('parallax_probes_online{zone="x"}')).toEqual(['parallax_probes_online has no label zone']);
    expect(problems('sum by (zone) (parallax_probes_online)')).toHaveLength(1);
    expect(problems('parallax_open_incidents_bucket')).toEqual(['unknown metric parallax_open_incidents_bucket']);
    expect(
      problems(
        'histogram_quantile(0.9, sum by (region, le) (rate(probe_check_duration_seconds_bucket{region=~"$region"}[5m])))',
      ),
    ).toEqual([]);
  });

  describe('deploy/grafana/parallax-dashboard.json', () => {
    const dashboard = JSON.parse(read('deploy/grafana/parallax-dashboard.json'));
    const panels: Panel[] = dashboard.panels.flatMap((p: Panel) => [p, ...(p.panels ?? [])]);
    const graphs = panels.filter((p) => p.type !== 'row');
    const exprs = graphs.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

    it('is a dashboard whose every panel queries Prometheus through the datasource variable', () => {
      expect(dashboard).toMatchObject({
        title: expect.any(String),
        uid: expect.any(String),
        schemaVersion: expect.any(Number),
      });
      expect(dashboard.templating.list.map((v: { name: string }) => v.name)).toEqual(
        expect.arrayContaining(['datasource', 'region']),
      );
      expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
      for (const p of graphs) {
        expect({ panel: p.title, datasource: p.datasource?.uid }).toEqual({
          panel: p.title,
          datasource: '${datasource}',
        });
        expect({ panel: p.title, targets: (p.targets ?? []).length > 0 }).toEqual({ panel: p.title, targets: true });
      }
    });

    it('refers only to metrics and labels the apps define', () => {
      const found = exprs.flatMap(({ panel, expr }) => problems(expr).map((p) => `${panel}: ${p}`));
      expect(found).toEqual([]);
    });

    it('covers latency, failures, lags, fleet, results, decisions and incidents', () => {
      const all = exprs.map((e) => e.expr).join('\n');
      for (const metric of [
        'probe_check_duration_seconds_bucket',
        'probe_checks_total{region=~"$region", outcome="down"}',
        'parallax_scheduler_lag_seconds_bucket',
        'parallax_ingestion_lag_seconds_bucket',
        'parallax_probes_online',
        'parallax_region_healthy',
        'parallax_results_ingested_total',
        'parallax_results_refused_total',
        'parallax_decisions_total',
        'parallax_open_incidents',
        'probe_results_lost_total',
      ]) {
        expect(all).toContain(metric);
      }
    });
  });

  describe('deploy/prometheus/alerts.yml', () => {
    const rules = parseYaml(read('deploy/prometheus/alerts.yml')) as {
      groups: {
        name: string;
        rules: {
          alert: string;
          expr: string;
          for?: string;
          labels: Record<string, string>;
          annotations: Record<string, string>;
        }[];
      }[];
    };
    const alerts = rules.groups.flatMap((g) => g.rules);

    it('is a set of rule groups (PrometheusRule spec shape) with a severity and a summary per alert', () => {
      expect(Object.keys(rules)).toEqual(['groups']);
      expect(new Set(rules.groups.map((g) => g.name)).size).toBe(rules.groups.length);
      for (const g of rules.groups) {
        expect(g.rules.length).toBeGreaterThan(0);
        for (const r of g.rules)
          expect(
            Object.keys(r).every((k) =>
              ['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'].includes(k),
            ),
          ).toBe(true);
      }
      expect(new Set(alerts.map((a) => a.alert)).size).toBe(alerts.length);
      for (const a of alerts) {
        expect({
          alert: a.alert,
          severity: ['warning', 'critical'].includes(a.labels?.severity),
          summary: typeof a.annotations?.summary,
        }).toEqual({ alert: a.alert, severity: true, summary: 'string' });
        if (a.for) expect(a.for).toMatch(/^\d+[smh]$/);
      }
    });

    it('refers only to metrics and labels the apps define', () => {
      const found = alerts.flatMap((a) => problems(a.expr).map((p) => `${a.alert}: ${p}`));
      expect(found).toEqual([]);
    });

    it('alerts on a region down, no probes, lags, refused results and lost results', () => {
      const byName = new Map(alerts.map((a) => [a.alert, a]));
      expect(byName.get('ParallaxRegionDown')).toMatchObject({
        expr: expect.stringContaining('parallax_region_healthy'),
        for: '2m',
      });
      expect(byName.get('ParallaxRegionDown')!.expr).toMatch(/== 0$/);
      expect(byName.get('ParallaxNoProbesOnline')?.expr).toContain('parallax_probes_online');
      expect(byName.get('ParallaxSchedulerLagHigh')?.expr).toContain('histogram_quantile(0.99');
      expect(byName.get('ParallaxIngestionLagHigh')?.expr).toContain('parallax_ingestion_lag_seconds_bucket');
      expect(byName.get('ParallaxResultsRefused')?.expr).toContain('parallax_results_refused_total');
      expect(byName.get('ParallaxProbeResultsLost')?.expr).toContain('probe_results_lost_total');
    });
  });
});
