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

/** The host name of an address, or '' when it is none (`bücher.de` in its ASCII form, `xn--bcher-kva.de`). */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/**
 * `tel:` links from a phone number as people write it ("+61 2 9999 0000", "13 11 20", "Freecall 1800 123 456"):
 * the first number only, up to "/", ",", ";", "#", a word ("ext. 2", "or …") or a bracket of words or of another
 * number ("(9AM-5PM)", "1-800-4-CANCER (1-800-422-6237)"), less a bracket left open. An extension is not dialled:
 * Android and iPhone dial `;ext=` and pauses wrongly, so the reader keys it from the text shown. Letters joined to
 * the number (1-800-4-CANCER, 1-800-ACS-2345) are dialled as a phone keypad has them (ABC 2 … WXYZ 9).
 */
export function telUrl(phone: string): string | undefined {
  const number = phone
    .replace(/^[^\d+(]*/, '')
    .split(/\s\((?=[^)]*\p{L}|(?:[^)\d]*\d){6})/u)[0]!
    .replace(/(?<=[.-][A-Za-z]*)[A-Za-z]|(?<=\d[A-Z]*)[A-Z]/g, (c) => '22233344455566677778889999'[parseInt(c, 36) - 10]!)
    .split(/[/,;#\p{L}]/u)[0]!
    .replace(/\([^)]*$/, '')
    // "+44 (0)20 …": the (0) is dialled only from inside the country.
    .replace(/^(\+[\d\s]+)\(0\)/, '$1');
  const digits = number.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : undefined;
}

/** `mailto:` for a plain address only (no headers or extra recipients smuggled in). */
export function mailtoUrl(email: string): string | undefined {
  return /^[^\s@,;?&<>"]+@[^\s@,;?&<>"]+\.[^\s@,;?&<>"]+$/.test(email) ? `mailto:${email}` : undefined;
}
