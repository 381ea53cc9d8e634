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
 * The security headers of one response. With embed origins (already checked by the settings schema: https
 * origins, no path), the page may be framed by them and by Havre itself; X-Frame-Options cannot express a
 * list, so it is left out and CSP frame-ancestors alone decides (every current browser honours it).
 */
export function securityHeaders(
  embedOrigins: readonly string[] = [],
  scripts: readonly string[] = [],
): Record<string, string> {
  if (embedOrigins.length === 0 && scripts.length === 0) return refuseFraming;
  if (embedOrigins.length === 0) {
    return { ...refuseFraming, 'content-security-policy': contentSecurityPolicy("'none'", scripts) };
  }
  const origins = embedOrigins.map((origin) => new URL(origin).origin);
  return { ...common, 'content-security-policy': contentSecurityPolicy(["'self'", ...origins].join(' '), scripts) };
}
