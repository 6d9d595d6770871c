#!/usr/bin/env node
// `npx parallax` inside the workspace: the single-file build (npm run build writes it).
require('../dist/parallax.js').main();
