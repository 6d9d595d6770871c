/**
 * The CLI's environment: this file is the only place the CLI reads `process.env`. The CLI uses
 * PARALLAX_URL, PARALLAX_API_KEY, PARALLAX_CONFIG and XDG_CONFIG_HOME (`credentials.ts`), and
 * any variable a file names as `${NAME}` (`file.ts`), so it keeps every variable: a frozen copy,
 * read once at start and passed in (`main`), so the commands never see the process directly.
 */
export type CliEnv = Readonly<Record<string, string | undefined>>;

export function loadCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return Object.freeze({ ...env });
}
