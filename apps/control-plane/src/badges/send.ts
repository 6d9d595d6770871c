import type { Response } from 'express';
import type { BadgeAnswer } from './badges.service';

/**
 * Writes a badge or feed answer. Express's `send` adds the ETag (a hash of the body) and
 * answers 304 to a matching `If-None-Match`, so a cache revalidates without the body.
 */
export function sendAnswer(res: Response, a: BadgeAnswer, extra: Record<string, string> = {}): void {
  res.status(a.status);
  res.setHeader('Content-Type', a.contentType);
  res.setHeader('Cache-Control', a.cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // An SVG opened directly is a document: no scripts, no external loads, even if one slipped in.
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  res.setHeader('Access-Control-Allow-Origin', '*');
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  res.send(a.body);
}
