/**
 * Pure parsers and evaluators for the http check's `keyword` and `response_threshold_ms`
 * expressions (StatusRooster reference: "Welcome", "!maintenance", "OK AND !error",
 * "healthy OR ready"; "> 2000", "< 50", "200-3000"). The control plane uses the parsers to
 * validate input (422); the probe evaluates them.
 */

/** An invalid keyword or threshold expression; the message is meant for the API user. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

// ---------------------------------------------------------------------------------------------
// Keyword expressions
// ---------------------------------------------------------------------------------------------

/** One term: a case-sensitive substring that must be present (or, negated, absent). */
export interface KeywordTerm {
  text: string;
  negated: boolean;
}

/**
 * A keyword expression in disjunctive normal form: OR of ANDs (AND binds tighter than OR,
 * there are no parentheses). `alternatives[i]` holds the terms of the i-th AND group.
 */
export interface KeywordExpression {
  source: string;
  alternatives: KeywordTerm[][];
}

export interface KeywordEvaluation {
  ok: boolean;
  /** Empty when ok; otherwise the terms that failed in every alternative (deduplicated, in order). */
  failedTerms: KeywordTerm[];
}

type Token =
  | { kind: 'op'; op: 'AND' | 'OR'; pos: number }
  | { kind: 'not'; pos: number }
  | { kind: 'word'; start: number; end: number }
  | { kind: 'quoted'; text: string; pos: number };

const WS = /\s/;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || WS.test(ch);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const n = src.length;
  let i = 0;
  let atTermStart = true; // '!' only negates at the start of a term
  while (i < n) {
    const ch = src[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === '!' && atTermStart) {
      tokens.push({ kind: 'not', pos: i });
      i++;
      continue;
    }
    if (ch === '"') {
      const pos = i;
      let text = '';
      i++;
      let closed = false;
      while (i < n) {
        const c = src[i];
        if (c === '\\' && i + 1 < n && (src[i + 1] === '"' || src[i + 1] === '\\')) {
          text += src[i + 1];
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        text += c;
        i++;
      }
      if (!closed) throw new ExpressionError(`unbalanced quote at position ${pos + 1} in keyword expression`);
      tokens.push({ kind: 'quoted', text, pos });
      atTermStart = false;
      continue;
    }
    const start = i;
    while (i < n && !isSpace(src[i])) i++;
    const word = src.slice(start, i);
    if (word === 'AND' || word === 'OR') {
      tokens.push({ kind: 'op', op: word, pos: start });
      atTermStart = true;
    } else {
      tokens.push({ kind: 'word', start, end: i });
      atTermStart = false;
    }
  }
  return tokens;
}

/**
 * Parses a keyword expression.
 *
 * - Terms are case-sensitive substrings; `!term` means the body must NOT contain it.
 * - `AND` / `OR` (upper case, as separate words) combine terms; AND binds tighter than OR.
 * - Adjacent bare words form one phrase (`Welcome to Parallax` is one term, whitespace kept as
 *   written); `"quoted terms"` may contain AND/OR, leading `!` and `\"`/`\\` escapes.
 *
 * Throws ExpressionError for an empty expression or term, a dangling operator, a `!` without a
 * term, an unbalanced quote, or a quoted term next to another term without AND/OR.
 */
export function parseKeyword(expr: string): KeywordExpression {
  if (typeof expr !== 'string' || expr.trim() === '') throw new ExpressionError('keyword expression is empty');
  const tokens = tokenize(expr);
  const alternatives: KeywordTerm[][] = [];
  let group: KeywordTerm[] = [];
  let i = 0;
  type OpToken = Extract<Token, { kind: 'op' }>;
  const expectTerm = (after: OpToken | null): KeywordTerm => {
    let negated = false;
    let tok: Token | undefined = tokens[i];
    if (tok && tok.kind === 'not') {
      negated = true;
      const notPos = tok.pos;
      i++;
      tok = tokens[i];
      if (!tok || tok.kind === 'op') {
        throw new ExpressionError(`"!" at position ${notPos + 1} is not followed by a term`);
      }
      if (tok.kind === 'not')
        throw new ExpressionError(`double "!" at position ${notPos + 1}; quote a term that starts with "!"`);
    }
    if (!tok || tok.kind === 'op') {
      // after is null only for the very first term, and the expression is not blank
      const op = after ?? (tok as OpToken);
      throw new ExpressionError(
        `dangling operator ${op.op} at position ${op.pos + 1}: no term ${after ? 'after' : 'before'} it`,
      );
    }
    if (tok.kind === 'quoted') {
      i++;
      if (tok.text === '') throw new ExpressionError(`empty term at position ${tok.pos + 1}`);
      return { text: tok.text, negated };
    }
    // tok is a word: extend over adjacent words into a phrase
    const start = tok.start;
    let end = tok.end;
    i++;
    while (i < tokens.length && tokens[i].kind === 'word') {
      end = (tokens[i] as Extract<Token, { kind: 'word' }>).end;
      i++;
    }
    return { text: expr.slice(start, end), negated };
  };

  let prevOp: OpToken | null = null;
  for (;;) {
    group.push(expectTerm(prevOp));
    const next = tokens[i];
    if (!next) break;
    if (next.kind !== 'op') {
      const pos = next.kind === 'word' ? next.start : next.pos;
      throw new ExpressionError(`expected AND or OR before position ${pos + 1} in keyword expression`);
    }
    i++;
    if (next.op === 'OR') {
      alternatives.push(group);
      group = [];
    }
    prevOp = next;
  }
  alternatives.push(group);
  return { source: expr, alternatives };
}

/** Evaluates a parsed keyword expression against a response body. */
export function evaluateKeyword(ast: KeywordExpression, body: string): KeywordEvaluation {
  const alts = ast.alternatives;
  for (let a = 0; a < alts.length; a++) {
    const terms = alts[a];
    let pass = true;
    for (let t = 0; t < terms.length; t++) {
      if (body.includes(terms[t].text) === terms[t].negated) {
        pass = false;
        break;
      }
    }
    if (pass) return { ok: true, failedTerms: [] };
  }
  // Failure path only: collect every failing term, once.
  const failedTerms: KeywordTerm[] = [];
  const seen = new Set<string>();
  for (const terms of alts) {
    for (const term of terms) {
      if (body.includes(term.text) !== term.negated) continue;
      const key = (term.negated ? '!' : '+') + term.text;
      if (seen.has(key)) continue;
      seen.add(key);
      failedTerms.push(term);
    }
  }
  return { ok: false, failedTerms };
}

/** `keyword "Welcome" not found` / `forbidden keyword "error" found`, joined with `; `. */
export function keywordFailureMessage(failedTerms: readonly KeywordTerm[]): string {
  return failedTerms
    .map((t) =>
      t.negated ? `forbidden keyword ${JSON.stringify(t.text)} found` : `keyword ${JSON.stringify(t.text)} not found`,
    )
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// Response-time thresholds
// ---------------------------------------------------------------------------------------------

export type ResponseThreshold =
  /** Down when slower than `limit` ms. */
  | { kind: 'gt'; limit: number; source: string }
  /** Down when faster than `limit` ms. */
  | { kind: 'lt'; limit: number; source: string }
  /** Down when outside [min, max] ms. */
  | { kind: 'range'; min: number; max: number; source: string };

const NUM = '(\\d+(?:\\.\\d+)?)';
const CMP_RE = new RegExp(`^\\s*([<>])\\s*${NUM}\\s*(?:ms)?\\s*$`);
const RANGE_RE = new RegExp(`^\\s*${NUM}\\s*(?:ms)?\\s*-\\s*${NUM}\\s*(?:ms)?\\s*$`);

/**
 * Parses `"> 2000"`, `"< 50"` or `"200-3000"` (milliseconds, whitespace tolerant, an optional
 * `ms` suffix is accepted). Throws ExpressionError otherwise.
 */
export function parseThreshold(s: string): ResponseThreshold {
  if (typeof s !== 'string' || s.trim() === '') throw new ExpressionError('response threshold is empty');
  let m = CMP_RE.exec(s);
  if (m) {
    const limit = Number(m[2]);
    return m[1] === '>'
      ? { kind: 'gt', limit, source: `> ${fmt(limit)}` }
      : { kind: 'lt', limit, source: `< ${fmt(limit)}` };
  }
  m = RANGE_RE.exec(s);
  if (m) {
    const min = Number(m[1]);
    const max = Number(m[2]);
    if (min > max)
      throw new ExpressionError(
        `invalid response threshold "${s.trim()}": minimum ${fmt(min)} is greater than maximum ${fmt(max)}`,
      );
    return { kind: 'range', min, max, source: `${fmt(min)}-${fmt(max)}` };
  }
  throw new ExpressionError(
    `invalid response threshold "${s.trim()}": expected "> N", "< N" or "MIN-MAX" in milliseconds`,
  );
}

function fmt(ms: number): string {
  return String(Math.round(ms * 100) / 100);
}

/** null when `ms` satisfies the threshold, otherwise the reason the check is down. */
export function evaluateThreshold(t: ResponseThreshold, ms: number): string | null {
  switch (t.kind) {
    case 'gt':
      return ms > t.limit ? `response time ${fmt(ms)} ms exceeds threshold ${t.source}` : null;
    case 'lt':
      return ms < t.limit ? `response time ${fmt(ms)} ms is below threshold ${t.source}` : null;
    case 'range':
      return ms < t.min || ms > t.max ? `response time ${fmt(ms)} ms is outside range ${t.source}` : null;
  }
}

// ---------------------------------------------------------------------------------------------
// Parse-once caches (the probe sees the same few expressions over and over)
// ---------------------------------------------------------------------------------------------

type Parsed<T> = { ok: true; value: T } | { ok: false; error: Error };

/** A small LRU map: a hit moves the entry to the back, inserting past `max` drops the oldest. */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get size(): number {
    return this.map.size;
  }
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
  }
}

/**
 * Memoises a parser per distinct input, its expected errors (those `expected` accepts)
 * included, in an LRU of `capacity` entries. Results must not be mutated.
 */
export function memoiseParser<T>(
  capacity: number,
  parse: (s: string) => T,
  expected: (e: unknown) => boolean,
): (s: string) => T {
  const cache = new LruCache<string, Parsed<T>>(capacity);
  return (key) => {
    let hit = cache.get(key);
    if (!hit) {
      try {
        hit = { ok: true, value: parse(key) };
      } catch (e) {
        if (!expected(e)) throw e;
        hit = { ok: false, error: e as Error };
      }
      cache.set(key, hit);
    }
    if (!hit.ok) throw hit.error;
    return hit.value;
  };
}

const isExpressionError = (e: unknown) => e instanceof ExpressionError;
const keywordCached = memoiseParser(1024, parseKeyword, isExpressionError);
const thresholdCached = memoiseParser(256, parseThreshold, isExpressionError);

/** parseKeyword, memoised per distinct expression (errors too). The result must not be mutated. */
export function parseKeywordCached(expr: string): KeywordExpression {
  return keywordCached(expr);
}

/** parseThreshold, memoised per distinct string (errors too). The result must not be mutated. */
export function parseThresholdCached(s: string): ResponseThreshold {
  return thresholdCached(s);
}
