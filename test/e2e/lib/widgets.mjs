// What the suite knows about each widget: its tag, its single-widget bundle, an offline config in the
// issue's key names, and text that must be on screen once it has rendered.
import { DIST, configScript, waitEvent, shadowText, assert } from './harness.mjs';
import { chatConfig, feedConfig, group, groupsConfig, posts } from './data.mjs';

export const WIDGETS = {
  feed: {
    tag: 'care-hashtag-feed',
    dist: DIST.feed,
    // Five posts, three shown ("Load more" for the rest), one behind a content warning ("Show post").
    config: () =>
      feedConfig({
        limit: 3,
        sources: [{ type: 'posts', posts: posts(5).map((p, i) => (i === 1 ? { ...p, contentWarning: 'Scan results' } : p)) }],
      }),
    expect: ['Nurse 0', 'Post number 2 about #bcsm support.'],
  },
  groups: {
    tag: 'care-support-groups',
    dist: DIST.groups,
    config: () => groupsConfig(),
    expect: [group(0).name, group(3).name],
  },
  chat: {
    tag: 'care-chat-schedule',
    dist: DIST.chat,
    config: () => chatConfig(),
    expect: ['#bcsm weekly chat'],
  },
};

/** `<care-x id=…>` with an inline JSON config (CSP-safe) and light-DOM fallback text. */
export const element = (key, { id = key, config = WIDGETS[key].config(), attrs = '' } = {}) =>
  `<${WIDGETS[key].tag} id="${id}"${attrs ? ' ' + attrs : ''}>${config === null ? '' : configScript(config)}<p class="fallback">Fallback for ${id}</p></${WIDGETS[key].tag}>`;

/** Waits for care-ready from #id, then checks every expected text is in its shadow tree. */
export async function expectRendered(page, key, { id = key, texts = WIDGETS[key].expect, timeout } = {}) {
  await waitEvent(page, 'care-ready', id, timeout);
  const text = await shadowText(page, `#${id}`);
  for (const s of texts) assert.ok(text.includes(s), `#${id} should show "${s}"; it shows: ${text.slice(0, 400)}`);
  return text;
}

/**
 * Clicks every visible, enabled button (and summary) in a widget once, re-querying after each click
 * because the shadow tree changes: reaches the states a reader reaches (expanded posts, details, menus).
 */
export async function clickEverything(page, selector, { max = 40, skip = /^$/ } = {}) {
  let n = 0;
  for (; n < max; n++) {
    // Each control is clicked once: it is marked, so a toggle whose label changes is not clicked back.
    const handle = await page.evaluateHandle(
      ([s, skip]) => {
        const host = document.querySelector(s);
        const all = __e2e.deep('button, summary, [role="button"]', host.shadowRoot);
        const next = all.find((b) => {
          const r = b.getBoundingClientRect();
          return (
            !b.hasAttribute('data-e2e-clicked') &&
            !b.disabled &&
            r.width > 0 &&
            r.height > 0 &&
            !new RegExp(skip, 'i').test(b.textContent || '')
          );
        });
        next?.setAttribute('data-e2e-clicked', '');
        return next || null;
      },
      [selector, skip.source],
    );
    const el = handle.asElement();
    if (!el) break;
    await el.click({ timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(30);
  }
  return n;
}
