// The headers every response carries. Only the visitor page may be framed, and only by the sites the admin
// named (settings.visitorPage.embedOrigins); the console and the API never may.

/**
 * Same-origin everything, no inline script but those named by hash (the visitor page's early quick exit): a
 * visitor's page can load nothing from anywhere else.
 */
function contentSecurityPolicy(frameAncestors: string, scripts: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

const common = {
  // Nothing of Havre may stay in the browser's cache, where someone else using the device could find it.
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

const refuseFraming = {
  ...common,
  'x-frame-options': 'DENY',
  'content-security-policy': contentSecurityPolicy("'none'"),
};

/**
 * Browsers that have once reached Havre over https refuse plain http to it for this long (a year, as
 * OWASP and MDN advise), so that a network in between cannot strip TLS from a later visit. Subdomains are not
 * included: the association's other sites are not Havre's to promise.
 */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * The security headers of one response. With embed origins (already checked by the settings schema: https
 * origins, no path), the page may be framed by them and by Havre itself; X-Frame-Options cannot express a
 * list, so it is left out and CSP frame-ancestors alone decides (every current browser honours it).
 * `overHttps` (PUBLIC_URL is https, behind a TLS proxy or not) adds Strict-Transport-Security; never on plain
 * http development, where it would stick to localhost.
 */
export function securityHeaders(
  embedOrigins: readonly string[] = [],
  scripts: readonly string[] = [],
  { overHttps = false }: { overHttps?: boolean } = {},
): Record<string, string> {
  const headers = framing(embedOrigins, scripts);
  return overHttps ? { ...headers, 'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}` } : headers;
}

function framing(embedOrigins: readonly string[], scripts: readonly string[]): Record<string, string> {
  if (embedOrigins.length === 0 && scripts.length === 0) return refuseFraming;
  if (embedOrigins.length === 0) {
    return { ...refuseFraming, 'content-security-policy': contentSecurityPolicy("'none'", scripts) };
  }
  const origins = embedOrigins.map((origin) => new URL(origin).origin);
  return { ...common, 'content-security-policy': contentSecurityPolicy(["'self'", ...origins].join(' '), scripts) };
}
