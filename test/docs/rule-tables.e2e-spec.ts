/**
 * The rule tables stay true: every row of "Where the rules live" (docs/architecture.md) and
 * of the README's decision rules names functions that are defined in the files it names,
 * and test files that exist, so a rule moved or renamed cannot leave the table behind.
 * Paths are relative to apps/control-plane/src unless they start with apps/, libs/ or test/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CP_SRC = join(ROOT, 'apps', 'control-plane', 'src');

const resolvePath = (p: string) => (/^(apps|libs|test)\//.test(p) ? join(ROOT, p) : join(CP_SRC, p));
const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const isFile = (t: string) => /\.ts$/.test(t);

/** The body rows of the Markdown tables under `heading` (to the next heading), as cells. */
function tableRows(md: string, heading: RegExp): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  const section = lines.slice(start + 1, end < 0 ? undefined : end);
  const rows: string[][] = [];
  section.forEach((line, i) => {
    const isSeparator = (l: string | undefined) => l !== undefined && /^\|[\s:|-]+\|$/.test(l);
    // A table's header is the line above its separator.
    if (!line.startsWith('|') || isSeparator(line) || isSeparator(section[i + 1])) return;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  });
  return rows;
}

/** Whether `name` is defined in `source`: a function, class, const, type, a method or a field. */
function defines(source: string, name: string): boolean {
  const n = name.replace(/[$]/g, '\\$');
  return (
    new RegExp(`\\b(function\\*?|class|const|let|interface|type|enum)\\s+${n}\\b`).test(source) ||
    new RegExp(`^\\s*(?:(?:public|private|protected|static|async|readonly)\\s+)*${n}\\s*[(<:=]`, 'm').test(source)
  );
}

/** Problems of one row: names not defined in its files, files and tests that do not exist. */
function rowProblems(names: string[], files: string[], tests: string[]): string[] {
  const out: string[] = [];
  const sources: string[] = [];
  for (const f of files) {
    if (!existsSync(resolvePath(f))) out.push(`file ${f} does not exist`);
    else sources.push(readFileSync(resolvePath(f), 'utf8'));
  }
  for (const name of names) if (!sources.some((s) => defines(s, name))) out.push(`${name} is not defined in ${files.join(', ')}`);
  for (const t of tests) if (!existsSync(resolvePath(t))) out.push(`test ${t} does not exist`);
  return out;
}

describe('rule tables', () => {
  it('docs/architecture.md "Where the rules live": each row is true and names its rule once', () => {
    const rows = tableRows(readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8'), /^## Where the rules live/);
    expect(rows.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const [rule, fn, file, tests] of rows) {
      const names = ticks(fn).filter((t) => !isFile(t));
      const files = ticks(file).filter(isFile);
      const specs = ticks(tests).filter(isFile);
      if (!names.length || !files.length || !specs.length) problems.push(`${rule}: a function, a file and a test are needed`);
      problems.push(...rowProblems(names, files, specs).map((p) => `${rule}: ${p}`));
      for (const name of names) {
        if (seen.has(name)) problems.push(`${name} is listed twice ("${seen.get(name)}" and "${rule}")`);
        seen.set(name, rule);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the README's decision rules name functions defined in the files they name", () => {
    const rows = tableRows(readFileSync(join(ROOT, 'README.md'), 'utf8'), /^## The decision rule/).filter(
      (r) => r.length === 3 && ticks(r[1]).some(isFile),
    );
    expect(rows.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const [rule, fn] of rows) {
      const tokens = ticks(fn);
      problems.push(...rowProblems(tokens.filter((t) => !isFile(t)), tokens.filter(isFile), []).map((p) => `${rule}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('the checker catches a name its file does not define', () => {
    expect(rowProblems(['nextRetry'], ['libs/checks/src/retry.ts'], [])).toEqual([]);
    expect(rowProblems(['noSuchRule'], ['libs/checks/src/retry.ts'], ['libs/checks/src/none.spec.ts'])).toEqual([
      'noSuchRule is not defined in libs/checks/src/retry.ts',
      'test libs/checks/src/none.spec.ts does not exist',
    ]);
  });
});
