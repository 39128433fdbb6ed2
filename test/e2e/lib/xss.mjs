// The XSS corpus and the checks every XSS test makes: the tripwire, a scan of the rendered tree for
// anything that could run script, and whether the safe text survived.
import { readFileSync } from 'node:fs';
import { assert, probe } from './harness.mjs';

const raw = JSON.parse(readFileSync(new URL('../xss-corpus.json', import.meta.url), 'utf8')).payloads;

/** Every payload, long ones expanded. `i` is stable: markers are `SAFE${i}` etc. */
export const corpus = raw.map((p, i) => ({ ...p, i, payload: p.kind === 'long' ? p.payload.repeat.repeat(p.payload.times) : p.payload }));
export const urlPayloads = corpus.filter((p) => p.kind === 'url');
export const markupPayloads = corpus.filter((p) => p.kind !== 'url');

/** The characters a reader sees: bidi controls, zero-width characters and white space dropped. */
export const visible = (s) => s.replace(/[\s\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '');

/** Marks the page's own scripts so the scan can tell new ones apart. Call after load, before rendering matters. */
export const markKnownScripts = (page) =>
  page.evaluate(() => document.querySelectorAll('script').forEach((s) => s.setAttribute('data-e2e-known', '')));

/** Hovers over the widget, tabs through it and waits, so handlers that need an event get one. */
export async function provoke(page, selector) {
  const box = await page.locator(selector).first().boundingBox();
  if (box) {
    const h = Math.min(box.height, 4000);
    for (let k = 0; k <= 40; k++) await page.mouse.move(box.x + ((k * 97) % box.width), box.y + (k / 40) * h);
  }
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  await page.waitForTimeout(400);
}

/** Anything in a widget's tree (and the page) that could run script or navigate to script. */
export const scan = (page, selector) =>
  page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const problems = [];
    const okUrl = /^(https?:|mailto:|tel:|blob:|data:text\/calendar[;,]|#)/i;
    const urlAttrs = new Set([
      'href',
      'src',
      'action',
      'formaction',
      'xlink:href',
      'srcset',
      'poster',
      'data',
      'background',
      'ping',
      'cite',
      'srcdoc',
      'codebase',
      'dynsrc',
      'lowsrc',
    ]);
    const badTags =
      /^(script|iframe|frame|frameset|object|embed|applet|base|meta|link|foreignobject|animate|set|animatetransform|animatemotion|noscript|xmp|plaintext|portal|template|style)$/i;
    const own = new Set(host.shadowRoot ? host.shadowRoot.adoptedStyleSheets : []);
    for (const el of host.shadowRoot ? __e2e.deep('*', host.shadowRoot) : []) {
      const tag = el.localName.toLowerCase();
      // Lit may emit <style> only when adoptedStyleSheets are unavailable (not in Chromium).
      if (badTags.test(tag) && !(tag === 'script' && /json/i.test(el.type)) && !(tag === 'style' && own.size === 0))
        problems.push(`<${tag}> in the widget`);
      for (const a of el.attributes) {
        const n = a.name.toLowerCase();
        const v = a.value.trim();
        if (n.startsWith('on')) problems.push(`${tag}[${n}="${v.slice(0, 40)}"]`);
        if (urlAttrs.has(n) && v && !okUrl.test(v)) problems.push(`${tag}[${n}="${v.slice(0, 60)}"]`);
        if (n === 'style' && /url\(|expression|javascript:|@import/i.test(v)) problems.push(`${tag}[style="${v.slice(0, 60)}"]`);
      }
    }
    for (const el of document.querySelectorAll('script:not([data-e2e-known]), iframe, object, embed, base, meta[http-equiv]')) {
      if (el.localName === 'script' && /^application\/(ld\+)?json$/i.test(el.type)) continue;
      problems.push(`new <${el.localName}> in the page`);
    }
    for (const s of [
      ...document.querySelectorAll('script[type="application/ld+json"]'),
      ...(host.shadowRoot ? __e2e.deep('script[type="application/ld+json"]', host.shadowRoot) : []),
    ]) {
      try {
        JSON.parse(s.textContent);
      } catch {
        problems.push('JSON-LD that is not valid JSON');
      }
    }
    return problems;
  }, selector);

/** The tripwire did not fire, no dialog opened, no script-capable markup rendered. */
export async function assertSafe(page, selector, { poke = true } = {}) {
  if (poke) await provoke(page, selector);
  const p = await probe(page);
  assert.equal(p.pwned, false, 'the XSS tripwire (window.__pwned) fired');
  assert.equal(p.dialogs + (page.t.dialogs ?? 0), 0, 'a dialog opened');
  assert.deepEqual(
    p.errors.filter((e) => /__pwn|alert/.test(e)),
    [],
    'a payload ran and threw',
  );
  const problems = await scan(page, selector);
  assert.deepEqual([...new Set(problems)], [], 'script-capable markup or URLs rendered');
}

/** Asserts each marker (e.g. SAFE12) is in the text, listing the payload ids of the missing ones. */
export function assertMarkers(text, items, marker, what) {
  const missing = items.filter((p) => !new RegExp(`\\b${marker}${p.i}\\b`).test(text)).map((p) => p.id);
  assert.deepEqual(missing, [], `${what}: safe text lost for payloads`);
}
