import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Stored {
  url?: string;
  api_key?: string;
}

/** Where `parallax login` keeps the URL and key: $PARALLAX_CONFIG, else ~/.config/parallax/config.json (mode 0600). */
export function configPath(env: Record<string, string | undefined>): string {
  return env.PARALLAX_CONFIG ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'parallax', 'config.json');
}

export function readStored(path: string): Stored {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Stored;
  } catch {
    return {};
  }
}

export function writeStored(path: string, s: Stored): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** --url / --api-key first, then PARALLAX_URL / PARALLAX_API_KEY, then what login stored. */
export function resolveCredentials(
  flags: { url?: string; apiKey?: string },
  env: Record<string, string | undefined>,
): { url: string; apiKey?: string } {
  const stored = readStored(configPath(env));
  return {
    url: flags.url ?? env.PARALLAX_URL ?? stored.url ?? 'http://localhost:3000',
    apiKey: flags.apiKey ?? env.PARALLAX_API_KEY ?? stored.api_key,
  };
}
