// Addresses CareCircle may link to, apart from the HTML reader in sanitize.ts (which re-exports these): a widget
// that only links, such as the chat schedule, does not carry that reader or its Trusted Types policy.

/**
 * The only URLs CareCircle puts into `href`/`src`: absolute http(s) addresses (relative ones resolved against
 * the page). Anything else — `javascript:`, `data:`, `vbscript:`, malformed — gives undefined, so the caller
 * renders text instead of a link. `httpsOnly` is for media, which must not load over plain http.
 */
export function safeUrl(value: unknown, { httpsOnly = false }: { httpsOnly?: boolean } = {}): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim(), document.baseURI);
  } catch {
    return undefined;
  }
  const ok =
    url.protocol === 'https:' || (url.protocol === 'http:' && (!httpsOnly || (loopback(url.hostname) && loopback(location.hostname))));
  return ok ? url.href : undefined;
}

// A page on this machine (Storybook, the demo, tests) may show pictures from this machine over http: not mixed
// content, and no public page ever gets here.
const loopback = (host: string) => /^(localhost|127\.0\.0\.1|\[::1\])$/.test(host);

/** `tel:` links from a phone number as people write it ("+61 2 9999 0000", "13 11 20"). */
export function telUrl(phone: string): string | undefined {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : undefined;
}

/** `mailto:` for a plain address only (no headers or extra recipients smuggled in). */
export function mailtoUrl(email: string): string | undefined {
  return /^[^\s@,;?&<>"]+@[^\s@,;?&<>"]+\.[^\s@,;?&<>"]+$/.test(email) ? `mailto:${email}` : undefined;
}
