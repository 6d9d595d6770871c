/**
 * The documentation as a newcomer meets it: the README stays within its bound and keeps the
 * two quick-start commands CI relies on, and every relative link of the README and docs/*.md
 * points at a file (and heading) that exists, so moving a section cannot leave a dead link.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const README = join(ROOT, 'README.md');
const DOCS = join(ROOT, 'docs');
const MAX_README_LINES = 350;

const read = (file: string) => readFileSync(file, 'utf8');
const withoutCode = (md: string) => md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(md: string): Set<string> {
  const out = new Set<string>();
  for (const line of md.replace(/```[\s\S]*?```/g, '').split('\n')) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    out.add(
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\- _]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return out;
}

/** Relative links of one Markdown file that do not resolve, as "file: link". */
function deadLinks(file: string): string[] {
  const md = read(file);
  const dead: string[] = [];
  for (const m of withoutCode(md).matchAll(/\]\(([^)\s]+)\)/g)) {
    const link = m[1];
    if (/^[a-z]+:/i.test(link)) continue; // http(s), mailto
    const [path, anchor] = link.split('#');
    const target = path ? normalize(join(dirname(file), path)) : file;
    const name = `${relative(ROOT, file)}: ${link}`;
    if (!existsSync(target)) dead.push(`${name} (no such file)`);
    else if (anchor && target.endsWith('.md') && !anchors(read(target)).has(anchor)) dead.push(`${name} (no such heading)`);
  }
  return dead;
}

describe('documentation', () => {
  it(`keeps the README within ${MAX_README_LINES} lines, with the quick start CI runs`, () => {
    const readme = read(README);
    const lines = readme.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(MAX_README_LINES);
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    expect(quickStart).toMatch(/^npm run local\b/m);
    expect(quickStart).toMatch(/^npm test\b/m);
    // .ci/run runs the README's test command
    expect(read(join(ROOT, '.ci', 'run'))).toMatch(/^npm test$/m);
    // the decision rule stays in the README, with its worked example
    expect(readme).toContain('## The decision rule (quorum)');
    expect(readme).toMatch(/\| eu-west \| us-east \| ap-south \| reported \| failing \|/);
  });

  it('has no dead relative link in the README or docs/*.md', () => {
    const files = [README, ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join(DOCS, f))];
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(deadLinks)).toEqual([]);
  });

  it('finds a dead link when there is one (the checker itself)', () => {
    expect(anchors('# The decision rule (quorum)\n## Operations endpoints (no auth, outside `/api/v1`)')).toEqual(
      new Set(['the-decision-rule-quorum', 'operations-endpoints-no-auth-outside-apiv1']),
    );
    const dir = mkdtempSync(join(tmpdir(), 'parallax-docs-'));
    try {
      const file = join(dir, 'a.md');
      writeFileSync(file, '# Real\n[ok](a.md#real) [gone](missing.md) [no heading](#nope) [web](https://example.com) `[code](x.md)`\n');
      expect(deadLinks(file).map((d) => d.replace(/^.*: /, ''))).toEqual(['missing.md (no such file)', '#nope (no such heading)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
