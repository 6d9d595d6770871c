import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROLLUP_TABLE } from '../timeseries/rollup-sql';

/**
 * "One context writes each table", checked over the source (no database): every
 * repository method is read for the tables it writes (raw INSERT / UPDATE / DELETE and
 * TypeORM save / insert / update / delete / upsert / remove on an entity), and every call
 * of such a method is attributed to the context (top folder under src/) of the file that
 * makes it. A write method nobody calls counts for its own repository's context.
 * Partition DDL (CREATE / DROP TABLE of day partitions, PartitionsRepository) is not a row
 * write and is not counted.
 */
const SRC = join(__dirname, '..');

/**
 * The known exceptions today: tables written by more than one context, with the contexts.
 * Each is debt to remove, not a licence: the test fails when a new one appears, and also
 * when one goes away (shrink the list then).
 */
const KNOWN_SHARED: Record<string, string[]> = {
  // None left. Issue 12 item 1 moved the other contexts' state out of `monitors`: heartbeat
  // state to heartbeat_state (heartbeats), the fold watermark to rollup_folds (timeseries), the
  // schedule cursor to monitor_schedule (scheduler; others move it through MonitorSchedules),
  // the decision read model to monitor_state (decisions, MonitorStateRepository.save); a dead
  // alert target is cleared through the monitors context (MonitorAlertTargets).
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' || e.name === 'testing' || e.name === 'dist' ? [] : files(p);
    return e.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')
      ? [p]
      : [];
  });
}

const contextOf = (file: string) => relative(SRC, file).split(sep)[0];
/** Block and line comments out (a comment's "UPDATE monitors" is not a write); `://` in strings kept. */
const uncomment = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const sources = files(SRC).map((f) => ({ file: f, text: uncomment(readFileSync(f, 'utf8')) }));
const migrations = readdirSync(join(SRC, 'database', 'migrations')).map((f) =>
  readFileSync(join(SRC, 'database', 'migrations', f), 'utf8'),
);

/** Entity class → table. */
const entityTable = new Map<string, string>();
for (const { text } of sources)
  for (const m of text.matchAll(/@Entity\('([a-z_]+)'\)[\s\S]*?export class (\w+)/g)) entityTable.set(m[2], m[1]);

/** The tables there are: created by the migrations (and not dropped), the entities' and the rollups'. */
const created = new Set(
  migrations.flatMap((t) => [...t.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"([a-z_]+)"/g)].map((m) => m[1])),
);
for (const t of migrations) for (const m of t.matchAll(/DROP TABLE (?:IF EXISTS )?"([a-z_]+)"/g)) created.delete(m[1]);
const TABLES = new Set(
  [...created, ...entityTable.values(), ...Object.values(ROLLUP_TABLE)].filter((t) => !/_unpartitioned$|_p$/.test(t)),
);

/** SQL constants of the *-sql.ts files (statements built elsewhere and run by a repository), by name. */
const sqlConstants = new Map<string, string>();
for (const { file, text } of sources) {
  if (!file.endsWith('-sql.ts')) continue;
  for (const m of text.matchAll(/export const (\w+)[^=]*=\s*([\s\S]*?);\n/g)) sqlConstants.set(m[1], m[2]);
}

const WRITE = 'save|insert|update|delete|upsert|remove|softDelete|increment|decrement';

/** The tables a piece of code writes (directly). */
function tablesWritten(code: string, repoVars: Map<string, string>, helpers: Map<string, string>): Set<string> {
  const out = new Set<string>();
  let sql = code;
  for (const m of code.matchAll(/\.query\(\s*(\w+)/g)) if (sqlConstants.has(m[1])) sql += '\n' + sqlConstants.get(m[1]);
  for (const m of sql.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi)) {
    if (TABLES.has(m[1])) out.add(m[1]);
  }
  // A statement into an interpolated rollup table (`INSERT INTO ${ROLLUP_TABLE[g]}` or a local of it).
  if (/\b(?:INSERT\s+INTO|DELETE\s+FROM)\s+\$\{/i.test(sql) && /ROLLUP_TABLE/.test(sql))
    for (const t of Object.values(ROLLUP_TABLE)) out.add(t);
  const add = (entity: string) => entityTable.has(entity) && out.add(entityTable.get(entity)!);
  // tx.getRepository(X)….save( / .createQueryBuilder().insert() / .delete()
  for (const m of code.matchAll(new RegExp(`getRepository\\((\\w+)\\)([^;]*?)\\.(${WRITE})\\(`, 'g')))
    if (!/getRepository\(/.test(m[2])) add(m[1]);
  // manager.insert(X, …), qb.update(X), qb.insert().into(X), qb.delete().from(X)
  for (const m of code.matchAll(new RegExp(`\\.(?:${WRITE}|into)\\((\\w+Entity)\\b`, 'g'))) add(m[1]);
  for (const m of code.matchAll(/\.delete\(\)\s*\.from\((\w+)\)/g)) add(m[1]);
  // this.repo.save(…) / this.repo.createQueryBuilder()….delete() on an injected repository, or on a helper returning one
  for (const [name, entity] of [...repoVars, ...helpers]) {
    const ref = helpers.has(name) ? `this\\.${name}\\([^)]*\\)` : `this\\.${name}`;
    if (new RegExp(`${ref}\\s*\\.(${WRITE})\\(`).test(code)) add(entity);
    if (new RegExp(`${ref}\\s*\\.createQueryBuilder\\([^)]*\\)[^;]*?\\.(insert|update|delete)\\(\\)`).test(code))
      add(entity);
    if (new RegExp(`${ref}\\s*\\.manager\\s*\\)?\\s*\\.(${WRITE})\\((\\w+)`).test(code))
      add(new RegExp(`${ref}\\s*\\.manager\\s*\\)?\\s*\\.(?:${WRITE})\\((\\w+)`).exec(code)![1]);
  }
  return out;
}

interface RepoMethod {
  repo: string;
  context: string;
  name: string;
  tables: Set<string>;
}

/** Splits a class body into its methods (2-space indented members). */
function methodsOf(text: string): { name: string; body: string }[] {
  const starts = [
    ...text.matchAll(/^ {2}(?:(?:private|protected|public|static|async|readonly)\s+)*(\w+)\s*(?:<[^>\n]*>)?\(/gm),
  ];
  return starts.map((m, i) => ({
    name: m[1],
    body: text.slice(m.index!, i + 1 < starts.length ? starts[i + 1].index : text.length),
  }));
}

const methods: RepoMethod[] = [];
for (const { file, text } of sources) {
  if (!file.endsWith('.repository.ts')) continue;
  const repo = /export class (\w+Repository)/.exec(text)?.[1];
  if (!repo) continue;
  const repoVars = new Map(
    [...text.matchAll(/@InjectRepository\((\w+)\)\s*(?:(?:private|protected|public|readonly)\s+)*(\w+)/g)].map((m) => [
      m[2],
      m[1],
    ]),
  );
  const helpers = new Map(
    [...text.matchAll(/^ {2}(?:private\s+)?(\w+)\([^)]*\)[^{\n]*\{\s*return[^;]*getRepository\((\w+)\)/gm)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  const own = methodsOf(text).filter((m) => m.name !== 'constructor');
  const direct = new Map(own.map((m) => [m.name, tablesWritten(m.body, repoVars, helpers)]));
  // A method that calls a private writer of the same class writes what it writes.
  for (let changed = true; changed;) {
    changed = false;
    for (const m of own) {
      for (const other of own) {
        if (other.name === m.name || !new RegExp(`this\\.${other.name}\\(`).test(m.body)) continue;
        for (const t of direct.get(other.name)!) {
          if (direct.get(m.name)!.has(t)) continue;
          direct.get(m.name)!.add(t);
          changed = true;
        }
      }
    }
  }
  for (const m of own) methods.push({ repo, context: contextOf(file), name: m.name, tables: direct.get(m.name)! });
}

/** table → contexts that write it. */
function writers(): Map<string, Set<string>> {
  const byTable = new Map<string, Set<string>>();
  const note = (table: string, context: string) =>
    (byTable.get(table) ?? byTable.set(table, new Set()).get(table)!).add(context);
  const repoNames = new Set(methods.map((m) => m.repo));
  const called = new Set<string>();
  for (const { file, text } of sources) {
    // Constructor-injected repositories: `private readonly monitors: MonitorsRepository`.
    for (const inj of text.matchAll(/(\w+)\s*:\s*(\w+Repository)\b/g)) {
      const [, v, repo] = inj;
      if (!repoNames.has(repo)) continue;
      for (const call of text.matchAll(new RegExp(`this\\.${v}\\.(\\w+)\\(`, 'g'))) {
        const m = methods.find((x) => x.repo === repo && x.name === call[1]);
        if (!m || !m.tables.size) continue;
        called.add(`${repo}.${m.name}`);
        for (const t of m.tables) note(t, contextOf(file));
      }
    }
  }
  for (const m of methods) if (!called.has(`${m.repo}.${m.name}`)) for (const t of m.tables) note(t, m.context);
  return byTable;
}

describe('one writing context per table', () => {
  const byTable = writers();

  it('finds the writes it looks for (the scan itself works)', () => {
    const written = (repo: string, name: string) => methods.find((m) => m.repo === repo && m.name === name)?.tables;
    expect(written('MonitorStateRepository', 'save')).toEqual(new Set(['monitor_state']));
    expect(written('SystemMonitorsRepository', 'lockForDecisions')).toEqual(new Set());
    expect([...(byTable.get('monitor_state') ?? [])]).toEqual(['decisions']);
    expect([...(byTable.get('monitors') ?? [])]).toEqual(['monitors']);
    expect(methods.find((m) => m.repo === 'RollupsRepository' && m.name === 'add')?.tables).toEqual(
      new Set(['rollups_hourly', 'rollups_daily']),
    );
    expect(methods.find((m) => m.repo === 'ResultsRepository' && m.name === 'insertMany')?.tables).toEqual(
      new Set(['check_results']),
    );
    expect(methods.find((m) => m.repo === 'ResultsRepository' && m.name === 'page')?.tables).toEqual(new Set());
    expect([...(byTable.get('check_results') ?? [])]).toEqual(['ingestion']);
  });

  it('finds a writer for every table', () => {
    expect([...TABLES].filter((t) => !byTable.has(t)).sort()).toEqual([]);
  });

  it('has exactly one writing context per table, but for the listed known exceptions', () => {
    const shared = Object.fromEntries([...byTable].filter(([, c]) => c.size > 1).map(([t, c]) => [t, [...c].sort()]));
    expect(shared).toEqual(KNOWN_SHARED);
  });

  it('writes tables only from repositories (no service, controller or module writes rows itself)', () => {
    const outside = sources
      .filter(({ file }) => !file.endsWith('.repository.ts') && !file.endsWith('-sql.ts'))
      .filter(({ text }) => tablesWritten(text, new Map(), new Map()).size > 0)
      .map(({ file }) => relative(SRC, file));
    expect(outside).toEqual([]);
  });
});
