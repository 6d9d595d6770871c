/**
 * Reads the `curl` example commands out of a reference document (test support for the
 * reference-examples test): shell words with single and double quotes, `\` line
 * continuations (and the `\ ` the flattened documents use between options), a command
 * ending at an unquoted line break, `#` comment or the next `curl`. Prose mentioning curl
 * (no URL among its words) is left out.
 */
export function extractCurls(text: string): string[][] {
  const commands: string[][] = [];
  const start = /(^|\s)curl\s/g;
  let m: RegExpExecArray | null;
  let resumeAt = 0;
  while ((m = start.exec(text))) {
    const at = m.index + m[1].length;
    if (at < resumeAt) continue;
    const { words, end } = readCommand(text, at);
    resumeAt = end;
    start.lastIndex = end;
    if (words.some((w) => /^https?:\/\//.test(w))) commands.push(words);
  }
  return commands;
}

function readCommand(s: string, from: number): { words: string[]; end: number } {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = from;
  const flush = () => {
    if (inWord) words.push(cur);
    cur = '';
    inWord = false;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      cur += s.slice(i + 1, j < 0 ? s.length : j);
      inWord = true;
      i = j < 0 ? s.length : j + 1;
    } else if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && '"\\$`'.includes(s[i + 1] ?? '')) {
          cur += s[i + 1];
          i += 2;
        } else cur += s[i++];
      }
      i++;
      inWord = true;
    } else if (c === '\\') {
      const next = s[i + 1] ?? '';
      if (next === '\n' || next === ' ' || next === '\r')
        flush(); // continuation, or the flattened "\ "
      else {
        cur += next;
        inWord = true;
      }
      i += next === '\r' && s[i + 2] === '\n' ? 3 : 2;
    } else if (c === '\n' || c === '\r') {
      flush();
      break;
    } else if (/\s/.test(c)) {
      flush();
      i++;
    } else if (!inWord && c === '#') {
      break;
    } else if (!inWord && words.length > 0 && s.startsWith('curl', i) && /\s/.test(s[i + 4] ?? '')) {
      break;
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  flush();
  return { words, end: i };
}

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** The request a curl command sends (the options the reference examples use). */
export function parseCurl(words: readonly string[]): CurlRequest {
  let method: string | null = null;
  let url = '';
  let body: string | null = null;
  const headers: Record<string, string> = {};
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '-X' || w === '--request') method = words[++i];
    else if (w === '-H' || w === '--header') {
      const h = words[++i];
      const colon = h.indexOf(':');
      headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    } else if (w === '-d' || w === '--data' || w === '--data-raw') body = words[++i];
    else if (w === '--retry') i++;
    else if (w.startsWith('-')) continue;
    else url = w;
  }
  return { method: method ?? (body === null ? 'GET' : 'POST'), url, headers, body };
}
