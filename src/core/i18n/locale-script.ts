import { localeScriptUrl } from '../trusted-types.js';

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
