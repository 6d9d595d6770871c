import { createParallaxClient, type ParallaxClient } from '@parallax/client';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { CliEnv, loadCliEnv } from './config';
import { configPath, resolveCredentials, writeStored } from './credentials';
import { FileError, parseFile, renderFile } from './file';
import { hasChanges, planKind, PlanEntry, renderPlan, summarize } from './plan';
import { KINDS } from './resources';
import { ApiError, Item, unwrap } from './resources/types';

const USAGE = `parallax: monitoring as code for Parallax

Usage:
  parallax login  [--url URL] [--api-key KEY]     check the key (or PARALLAX_API_KEY) and store it
  parallax plan   -f parallax.yaml [--prune] [--detailed-exitcode]
  parallax apply  -f parallax.yaml [--prune [--yes]]
  parallax export [-o parallax.yaml]

Options:
  --url URL            control plane (default: PARALLAX_URL, the stored one, http://localhost:3000)
  --api-key KEY        API key (default: PARALLAX_API_KEY, the stored one)
  --output json        machine-readable output
  --prune              also delete what the file no longer names (apply asks unless --yes)
  --detailed-exitcode  plan exits 2 when there are changes
Exit codes: 0 no changes / applied, 2 changes pending (plan --detailed-exitcode), 1 error.
Secrets in the file come from the environment: bearer_token: \${API_TOKEN}.`;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: CliEnv;
  confirm: (question: string) => Promise<boolean>;
}

async function existing(client: ParallaxClient): Promise<Map<string, Item[]>> {
  const out = new Map<string, Item[]>();
  for (const kind of KINDS) out.set(kind.key, await kind.list(client));
  return out;
}

async function makePlan(client: ParallaxClient, file: string, prune: boolean, env: Io['env']): Promise<PlanEntry[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FileError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const declared = parseFile(text, KINDS, env);
  const have = await existing(client);
  return KINDS.flatMap((kind) => planKind(kind, declared.get(kind.key) ?? [], have.get(kind.key) ?? [], prune));
}

/** Plan entries for --output json: values of write-only fields never leave the process. */
function jsonPlan(entries: PlanEntry[]) {
  return {
    summary: summarize(entries),
    changes: entries
      .filter((e) => e.action !== 'unchanged')
      .map((e) => ({
        kind: e.kind,
        identity: e.identity,
        action: e.action,
        fields: e.changes.map((c) =>
          c.sensitive
            ? { field: c.field, sensitive: true }
            : { field: c.field, before: c.before ?? null, after: c.after ?? null },
        ),
      })),
  };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      url: { type: 'string' },
      'api-key': { type: 'string' },
      output: { type: 'string' },
      prune: { type: 'boolean', default: false },
      yes: { type: 'boolean', short: 'y', default: false },
      'detailed-exitcode': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    io.out(USAGE);
    return command || values.help ? 0 : 1;
  }
  const json = values.output === 'json';
  if (values.output !== undefined && !json) throw new UsageError('--output takes json');
  const creds = resolveCredentials({ url: values.url, apiKey: values['api-key'] }, io.env);
  if (!creds.apiKey)
    throw new UsageError('no API key: pass --api-key, set PARALLAX_API_KEY or run `parallax login --api-key KEY`');
  const client = createParallaxClient({ baseUrl: creds.url, apiKey: creds.apiKey, userAgent: 'parallax-cli/0.1' });

  switch (command) {
    case 'login': {
      const me = unwrap('check the API key', await client.GET('/api/v1/auth/me')).data;
      const path = configPath(io.env);
      writeStored(path, { url: creds.url, api_key: creds.apiKey });
      if (json)
        io.out(JSON.stringify({ url: creds.url, account: me.account.name, scope: me.auth.scope, stored: path }));
      else
        io.out(`logged in to ${creds.url} as account "${me.account.name}" (${me.auth.scope} key); stored in ${path}`);
      return 0;
    }
    case 'export': {
      const have = await existing(client);
      const text = renderFile(have, KINDS, 'docs/parallax.schema.json');
      if (values.out) {
        writeFileSync(values.out, text);
        if (!json) io.err(`wrote ${values.out}: ${KINDS.map((k) => `${have.get(k.key)!.length} ${k.key}`).join(', ')}`);
      } else io.out(text.trimEnd());
      return 0;
    }
    case 'plan':
    case 'apply': {
      if (!values.file) throw new UsageError(`${command} needs -f parallax.yaml`);
      const entries = await makePlan(client, values.file, values.prune, io.env);
      const summary = summarize(entries);
      if (command === 'plan') {
        io.out(json ? JSON.stringify(jsonPlan(entries)) : renderPlan(entries));
        return values['detailed-exitcode'] && hasChanges(summary) ? 2 : 0;
      }
      if (!json) io.out(renderPlan(entries));
      if (!hasChanges(summary)) {
        if (json) io.out(JSON.stringify({ ...jsonPlan(entries), applied: 0 }));
        else io.out('No changes.');
        return 0;
      }
      if (
        summary.delete > 0 &&
        !values.yes &&
        !(await io.confirm(`Delete ${summary.delete} resource(s) not named in the file? [y/N] `))
      ) {
        io.err('apply cancelled: nothing changed');
        return 1;
      }
      const todo = entries.filter((e) => e.action === 'create' || e.action === 'update' || e.action === 'delete');
      let done = 0;
      for (const e of todo) {
        const kind = KINDS.find((k) => k.key === e.kind)!;
        if (e.action === 'create') await kind.create(client, e.send);
        else if (e.action === 'update') await kind.update(client, e.id!, e.send);
        else await kind.remove(client, e.id!);
        done += 1;
        if (!json) io.err(`[${done}/${todo.length}] ${e.action}d ${e.noun} "${e.identity}"`);
      }
      if (json) io.out(JSON.stringify({ ...jsonPlan(entries), applied: done }));
      else io.out(`Applied: ${summary.create} created, ${summary.update} updated, ${summary.delete} deleted.`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** The process entry point (bin/parallax.js). */
export function main(): void {
  const io: Io = {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    env: loadCliEnv(),
    confirm,
  };
  run(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (e: unknown) => {
      const known =
        e instanceof UsageError ||
        e instanceof FileError ||
        e instanceof ApiError ||
        (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
      const cause = (e as { cause?: { code?: string } }).cause;
      const msg =
        cause?.code === 'ECONNREFUSED'
          ? `cannot reach the control plane: ${(e as Error).message} (${cause.code}); check --url`
          : (e as Error).message;
      process.stderr.write(`parallax: ${known ? msg : ((e as Error).stack ?? msg)}\n`);
      process.exit(1);
    },
  );
}

if (require.main === module) main();
