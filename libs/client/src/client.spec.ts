import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The generated files are current: docs/openapi.json, libs/client/src/schema.ts and
 * docs/parallax.schema.json equal what `npm run openapi` writes from the built code
 * (npm test builds first). The served document's own test is common/openapi-typed.int-spec.ts.
 */
describe('generated client and schemas', () => {
  it('have no drift from the code (scripts/openapi.js --check)', () => {
    const root = join(__dirname, '../../..');
    expect(() =>
      execFileSync(process.execPath, [join(root, 'scripts/openapi.js'), '--check'], {
        cwd: root,
        stdio: 'pipe',
        timeout: 120_000,
      }),
    ).not.toThrow();
  }, 120_000);

  it('types every response: the only `unknown`s are headers and declared free-form maps', () => {
    const text = readFileSync(join(__dirname, 'schema.ts'), 'utf8');
    const unknowns = text
      .split('\n')
      .filter(
        (l) => /\bunknown\b/.test(l) && !/\[name: string\]: unknown;|"unknown"|unknown_region|@description/.test(l),
      );
    // RegionResultView.details and DeliveryView.payload: additionalProperties: true by design.
    expect(unknowns.map((l) => l.trim())).toEqual(['[key: string]: unknown;', '[key: string]: unknown;']);
  });
});
