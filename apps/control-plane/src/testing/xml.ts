import { DOMParser, Element } from '@xmldom/xmldom';

/**
 * Tests only: parses XML strictly (any warning or error of the parser fails), so a badge
 * or a feed that is not well-formed XML, or carries a stray character, fails its test.
 */
export function parseXml(source: string, mimeType = 'text/xml') {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(source, mimeType);
  if (problems.length) throw new Error(`not well-formed XML: ${problems.join('; ')}\n${source.slice(0, 500)}`);
  return doc;
}

/** Child elements of `parent` named `name` (namespace-unaware local name), direct children only. */
export function children(parent: Element | { childNodes: ArrayLike<unknown> }, name?: string): Element[] {
  const out: Element[] = [];
  const nodes = parent.childNodes as ArrayLike<{ nodeType: number; localName?: string | null }>;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.nodeType === 1 && (name === undefined || n.localName === name)) out.push(n as unknown as Element);
  }
  return out;
}

export function child(parent: Element, name: string): Element {
  const c = children(parent, name);
  if (c.length !== 1) throw new Error(`expected one <${name}> in <${parent.localName}>, found ${c.length}`);
  return c[0];
}

export const text = (e: Element): string => e.textContent ?? '';
