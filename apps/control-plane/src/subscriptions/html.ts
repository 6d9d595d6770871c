import { cleanText } from '../badges/badge-spec';

/** HTML-escapes text (and attribute values). */
export function esc(s: string): string {
  return cleanText(s, 2000)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The subscribe form a status page includes (SPEC 3.7): a plain HTML form posting
 * `email` to `/s/{slug}/subscribe` (urlencoded; the route also takes JSON). Well-formed XML
 * too, so it can go into any template.
 */
export function subscribeForm(slug: string): string {
  const action = `/s/${encodeURIComponent(slug)}/subscribe`;
  return [
    `<form class="px-subscribe" method="post" action="${esc(action)}">`,
    '  <label for="px-subscribe-email">Get incident and maintenance updates by email</label>',
    '  <input id="px-subscribe-email" name="email" type="email" required="required" maxlength="254" autocomplete="email" placeholder="you@example.com" />',
    '  <button type="submit">Subscribe</button>',
    '</form>',
  ].join('\n');
}

/** A minimal standalone page (confirm / unsubscribe answers). `body` must already be HTML. */
export function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2328}button{font:inherit;padding:.4rem 1rem}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>\n`;
}
