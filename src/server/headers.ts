// The security headers of every HTTP answer (the game, /healthz, /qr.svg and socket.io's own).
// The page runs no inline script; styles stay allowed inline because the interface sets style
// attributes. Phaser makes textures from data: and blob: URLs, and the AI runs in a Web Worker.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** Adds the security headers to a response (an object of headers, or a response not yet sent). */
export function withSecurityHeaders(headers: OutgoingHttpHeaders | { setHeader(name: string, value: string): unknown }) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if ('setHeader' in headers && typeof headers.setHeader === 'function') headers.setHeader(name, value);
    else (headers as OutgoingHttpHeaders)[name] = value;
  }
}

/**
 * Whether a browser page at `origin` may open a room connection. Browsers send Origin on every
 * WebSocket and cross-site request; a page on another site must not act for a student who has
 * the game open. Clients without an Origin (command-line tools) are not browsers' pages.
 */
export function originAllowed(headers: IncomingHttpHeaders, allowed: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  const host = headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return allowed.includes(origin) || allowed.includes('*');
}
