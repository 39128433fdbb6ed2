import { trusted } from '../trusted-types.js';
import { scriptUrl } from './registry.js';

/**
 * Whether `s` is the address of a language file and nothing else: `…/locales/<tag>.js` (or a widget's own in its
 * `care-…` folder, `…/locales/care-chat-schedule/<tag>.js`, or the config problems' `…/locales/errors/<tag>.js`),
 * over http(s), from the page's origin or the script's own, with no query, fragment, credentials, `.`/`..` segments or escapes that
 * could make the path end in `/locales/…` while naming something else (`data:…//locales/ar.js`, `…?/locales/ar.js`).
 */
export function isLocaleFileUrl(s: string): boolean {
  if (
    /[?#\\]|%(2e|2f|5c)|(^|\/)\.{1,2}(\/|$)/i.test(s) ||
    !/\/locales\/((care(-[a-z]+)+|errors)\/)?[A-Za-z]{2,3}(-[A-Za-z\d]{2,8})*\.js$/.test(s)
  )
    return false;
  try {
    const url = new URL(s, document.baseURI);
    const origins = [location.origin, new URL(scriptUrl, document.baseURI).origin];
    return /^https?:$/.test(url.protocol) && !url.username && !url.password && origins.includes(url.origin);
  } catch {
    return false;
  }
}

/**
 * The address of a language file (`…/locales/ar.js`) for a `<script src>`, a script-URL sink under Trusted Types,
 * through the `carecircle-locale` policy, which admits language files only, whoever asks. Undefined where the page
 * refuses that policy (the widget stays in English).
 */
export const localeScriptUrl = (url: string): string | undefined =>
  trusted('carecircle-locale', { createScriptURL: (s) => (isLocaleFileUrl(s) ? s : '') }, 'createScriptURL', url);

/**
 * Adds a language file's `<script>` (a same-origin file, allowed by `script-src 'self'`; under a nonce-based CSP
 * the page's own nonce lets it run; under Trusted Types its address goes through CareCircle's own policy, which
 * admits language files only). Resolves true once it has run, false when it could not load or the page refuses
 * the policy. A chunk of its own: only a page in another language than English needs it.
 */
export function addLocaleScript(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = document.createElement('script');
    s.onload = () => resolve(true);
    s.onerror = () => resolve(false);
    s.nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
    try {
      const trusted = localeScriptUrl(url);
      if (trusted === undefined) throw new Error('policy refused');
      s.src = trusted;
      document.head.append(s);
    } catch {
      resolve(false); // a page whose Trusted Types policy names leave ours out: English stays
    }
  });
}
