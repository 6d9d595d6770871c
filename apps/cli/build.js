#!/usr/bin/env node
/** Bundles the CLI into one file, apps/cli/dist/parallax.js (esbuild), run by `npx parallax`. */
const { buildSync } = require('esbuild');
const { chmodSync } = require('node:fs');
const { join } = require('node:path');

const out = join(__dirname, 'dist/parallax.js');
buildSync({
  entryPoints: [join(__dirname, 'src/main.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  tsconfig: join(__dirname, '../../tsconfig.json'),
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
chmodSync(out, 0o755);
