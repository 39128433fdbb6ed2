// A hostile host page (test/e2e/pages/hostile.css: global resets, !important on *, button, a, li, huge
// font sizes): each widget keeps its controls, their ≥44 px targets, its text, and nothing overlaps or
// spills out of the widget — compared with the same widget on a plain page.
import { describe, test, assert } from '../lib/harness.mjs';
import { WIDGETS, element, expectRendered, clickEverything } from '../lib/widgets.mjs';

/** Geometry of a widget's shadow tree, measured in the page. */
const measure = (page, selector) =>
  page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const hr = host.getBoundingClientRect();
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      // checkVisibility: content of a closed <details> keeps a layout box (content-visibility: hidden) but is not shown.
      return r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && Number(cs.opacity) > 0.1 && el.checkVisibility();
    };
    const clipped = (el) => {
      for (let n = el; n && n !== host; n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentElement) {
        const cs = getComputedStyle(n);
        if (cs.clip !== 'auto' || cs.clipPath !== 'none' || (cs.position === 'absolute' && parseFloat(cs.width) <= 1)) return true;
      }
      return false;
    };
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, right: r.right, bottom: r.bottom };
    };
    const name = (el) =>
      (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.type || el.localName)
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 50);
    const controls = [];
    for (const el of __e2e.deep(
      'button, summary, input:not([type="hidden"]), select, textarea, [role="button"], a.button, a[download]',
      host.shadowRoot,
    )) {
      // A checkbox or radio is operated through its label: the label is the target.
      const target = /^(checkbox|radio)$/.test(el.type) ? el.closest('label') || el : el;
      if (!shown(target) || clipped(target)) continue;
      controls.push({ tag: el.localName, type: el.type || '', name: name(target), ...box(target) });
    }
    const unique = controls.filter((c, i) => controls.findIndex((d) => d.x === c.x && d.y === c.y && d.w === c.w && d.h === c.h) === i);
    const spill = [];
    for (const el of __e2e.deep('*', host.shadowRoot)) {
      if (!shown(el) || clipped(el) || /^(style|slot)$/.test(el.localName)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > hr.right + 2 || r.left < hr.left - 2)
        spill.push(
          `${el.localName}.${el.className || ''} ${Math.round(r.left)}–${Math.round(r.right)} vs host ${Math.round(hr.left)}–${Math.round(hr.right)}`,
        );
    }
    // Text colour against the first opaque background behind it.
    const bg = (el) => {
      for (let n = el; n; n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
      }
      return 'rgb(255, 255, 255)';
    };
    const invisibleText = [];
    const walker = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.data.trim() || !el || /^(STYLE|SCRIPT)$/.test(el.nodeName) || !shown(el) || clipped(el)) continue;
      const cs = getComputedStyle(el);
      if (cs.color === bg(el) || parseFloat(cs.fontSize) < 9)
        invisibleText.push(`${el.localName}: "${n.data.trim().slice(0, 30)}" color ${cs.color} on ${bg(el)}, ${cs.fontSize}`);
    }
    return {
      host: box(host),
      controls: unique,
      spill,
      invisibleText,
      text: __e2e.text(host),
      scrollWidth: document.documentElement.scrollWidth,
      viewport: innerWidth,
    };
  }, selector);

const overlaps = (cs) => {
  const out = [];
  for (let i = 0; i < cs.length; i++)
    for (let j = i + 1; j < cs.length; j++) {
      const a = cs[i];
      const b = cs[j];
      const w = Math.min(a.right, b.right) - Math.max(a.x, b.x);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) out.push(`"${a.name}" overlaps "${b.name}"`);
    }
  return out;
};

describe('hostile page', () => {
  for (const key of Object.keys(WIDGETS)) {
    for (const width of [1024, 320]) {
      test(`${key} keeps layout, text and ≥44px controls on a hostile page at ${width}px`, async (t) => {
        const viewport = { width, height: 900 };
        // Both pages at the same moment: a countdown ("Starts in 23 hours, 48 minutes") or a post's age read a
        // few seconds apart may cross a minute.
        // The same widget and data on both (the data is dated from the moment it is made).
        const now = Date.now();
        const widget = element(key);
        const plain = await t.page({ viewport });
        await plain.clock.setFixedTime(now);
        await t.open(plain, { modules: [WIDGETS[key].dist], body: widget });
        await expectRendered(plain, key);
        await plain.waitForTimeout(900); // live-region announcements settle (they are delayed on purpose)
        const base = await measure(plain, `#${key}`);

        const page = await t.page({ viewport });
        await page.clock.setFixedTime(now);
        await t.open(page, {
          modules: [WIDGETS[key].dist],
          css: ['/test/e2e/pages/hostile.css'],
          body: `<main><article><div>${widget}</div></article></main>`,
        });
        await expectRendered(page, key);
        await page.waitForTimeout(900);
        const got = await measure(page, `#${key}`);

        assert.equal(got.text, base.text, 'the same text renders on the hostile page');
        assert.deepEqual(got.controls.map((c) => c.name).sort(), base.controls.map((c) => c.name).sort(), 'the same controls are visible');
        assert.ok(got.controls.length > 0, 'the widget shows at least one control');
        const small = got.controls.filter((c) => c.w < 43.5 || c.h < 43.5);
        assert.deepEqual(
          small.map((c) => `${c.tag} "${c.name}" ${c.w.toFixed(0)}×${c.h.toFixed(0)}`),
          [],
          'controls smaller than 44×44 px',
        );
        assert.deepEqual(overlaps(got.controls), [], 'overlapping controls');
        assert.deepEqual(got.spill, [], 'elements spilling out of the widget');
        assert.deepEqual(got.invisibleText, [], 'text that cannot be seen');
        assert.ok(got.scrollWidth <= width + 1, `the page scrolls sideways: ${got.scrollWidth}px wide at ${width}px`);

        // After using every control, the layout still holds.
        await clickEverything(page, `#${key}`);
        const after = await measure(page, `#${key}`);
        assert.deepEqual(overlaps(after.controls), [], 'overlapping controls after interaction');
        assert.deepEqual(after.spill, [], 'elements spilling out after interaction');
      });
    }
  }
});
