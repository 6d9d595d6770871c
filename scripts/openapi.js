#!/usr/bin/env node
/**
 * Writes the control plane's OpenAPI document to docs/openapi.json (no database or NATS
 * needed) and regenerates from it libs/client/src/schema.ts, docs/parallax.schema.json and the
 * operation list of docs/api.md (scripts/api-doc.js). `--check` exits 1 when any is stale.
 * Run after changing a controller or DTO: `npm run openapi`.
 */
const { writeFileSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const { apiMarkdown } = require('./api-doc');

const root = join(__dirname, '..');
const check = process.argv.includes('--check');

async function main() {
  const { buildOpenApiDocument, openApiText } = require(join(root, 'apps/control-plane/dist/openapi-document.js'));
  const text = openApiText(await buildOpenApiDocument());
  const types = await clientTypes(JSON.parse(text));
  const outputs = [
    ['docs/openapi.json', text],
    ['libs/client/src/schema.ts', types],
    ['docs/parallax.schema.json', `${JSON.stringify(cliFileSchema(JSON.parse(text)), null, 2)}\n`],
    ['docs/api.md', apiMarkdown(JSON.parse(text), readFileSync(join(root, 'docs/api.md'), 'utf8'))],
  ];
  let stale = false;
  for (const [file, content] of outputs) {
    const target = join(root, file);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current === content) continue;
    if (check) {
      process.stderr.write(`${file} is stale: run \`npm run openapi\` and commit the result\n`);
      stale = true;
    } else {
      writeFileSync(target, content);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  if (stale) process.exit(1);
}

/** docs/parallax.schema.json: the JSON schema of parallax.yaml, from the create bodies. */
function cliFileSchema(doc) {
  const { fileSchema } = require(join(root, 'apps/cli/dist/tsc/file-schema.js'));
  const { KINDS } = require(join(root, 'apps/cli/dist/tsc/resources/index.js'));
  return fileSchema(doc, KINDS);
}

/** libs/client/src/schema.ts: the document's types by openapi-typescript. */
async function clientTypes(doc) {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(doc, { alphabetize: false, exportType: false, defaultNonNullable: false });
  const header = '/* Generated from docs/openapi.json by `npm run openapi` (openapi-typescript): do not edit. */\n';
  return header + astToString(ast);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  },
);
