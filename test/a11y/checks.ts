// The accessibility checks of test/a11y/layout.test.ts, as plain functions over the widgets in a host
// element (each returns the problems it found, in words), so test/a11y/checks.test.ts can prove that each
// one fails when its rule is broken.
import { sendKeys } from '@web/test-runner-commands';
import { settle, widgetsIn, type Widget } from '../helpers/stories.js';

export const TARGET = 44;
const CONTROLS = 'button, a[href], input:not([type="hidden"]), select, summary, textarea';

/** Everything inside the widgets' shadow roots (one level: the widgets nest nothing). */
const shadowElements = (host: HTMLElement): Element[] => widgetsIn(host).flatMap((w) => [...(w.shadowRoot?.querySelectorAll('*') ?? [])]);

const hiddenForSighted = (el: Element) => !!el.closest('.visually-hidden');
const rendered = (el: Element) => el.getClientRects().length > 0 && !hiddenForSighted(el);
export const controls = (host: HTMLElement) => shadowElements(host).filter((el) => el.matches(CONTROLS) && rendered(el));

/** A short, readable name for a failing element. */
const who = (el: Element) => {
  const host = (el.getRootNode() as ShadowRoot).host?.localName ?? '';
  const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  return `${host} ${el.localName}${cls} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
};

const display = (el: Element) => getComputedStyle(el).display;

/**
 * WCAG 2.5.8's inline exception: a link laid out inline inside a block that holds other text (a link in a
 * sentence). A link alone in its block (a heading that is a link, a caption that is a link) is not exempt.
 */
export function inlineInSentence(el: Element): boolean {
  if (el.localName !== 'a' || display(el) !== 'inline') return false;
  let block = el.parentElement;
  while (block && ['inline', 'contents'].includes(display(block))) block = block.parentElement;
  const own = (el.textContent ?? '').trim().length;
  return !!block && (block.textContent ?? '').replace(/\s+/g, ' ').trim().length > own + 3;
}

/** What the pointer actually hits: a checkbox inside its label is the whole label. */
const targetBox = (el: Element) =>
  (el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el).getBoundingClientRect();

export function overflowProblems(host: HTMLElement, width: number): string[] {
  const problems: string[] = [];
  for (const w of widgetsIn(host)) {
    if (w.scrollWidth > w.clientWidth + 1)
      problems.push(`<${w.localName}> scrolls sideways: scrollWidth ${w.scrollWidth} > clientWidth ${w.clientWidth}`);
  }
  for (const w of widgetsIn(host)) {
    const box = w.getBoundingClientRect();
    for (const el of w.shadowRoot?.querySelectorAll('*') ?? []) {
      if (!rendered(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 || r.left < -1)
        problems.push(`${who(el)} reaches outside the ${width}px viewport (${Math.round(r.left)}…${Math.round(r.right)})`);
      else if (r.right > box.right + 1 || r.left < box.left - 1)
        problems.push(
          `${who(el)} sticks out of its widget (${Math.round(r.left)}…${Math.round(r.right)}, widget ${Math.round(box.left)}…${Math.round(box.right)})`,
        );
    }
  }
  return problems;
}

/** Text cut off: a text container narrower than its text, or an overflow-hidden box hiding part of it. */
export function clippedText(host: HTMLElement): string[] {
  const problems: string[] = [];
  for (const el of shadowElements(host)) {
    if (!rendered(el) || el.matches('img, svg, input, select, textarea, option')) continue;
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!hasText || el.clientWidth === 0) continue; // inline boxes have no client box: their block is checked
    const s = getComputedStyle(el);
    if (el.scrollWidth > el.clientWidth + 1) problems.push(`${who(el)} text wider than its box (${el.scrollWidth} > ${el.clientWidth})`);
    if (/hidden|clip/.test(s.overflowY + s.overflowX) && el.scrollHeight > el.clientHeight + 1)
      problems.push(`${who(el)} text cut off (overflow ${s.overflow})`);
  }
  return problems;
}

export function smallTargets(host: HTMLElement): string[] {
  return controls(host)
    .filter((el) => !inlineInSentence(el))
    .flatMap((el) => {
      const r = targetBox(el);
      return r.width + 0.5 >= TARGET && r.height + 0.5 >= TARGET ? [] : [`${who(el)} is ${Math.round(r.width)}×${Math.round(r.height)}px`];
    });
}

/**
 * Every state a reader can open is a shipped state: open each disclosure (filters, details, add to
 * calendar) and press each collapsed "Show post" button, so what they reveal is checked too.
 */
export async function expandAll(host: HTMLElement): Promise<void> {
  for (const el of shadowElements(host)) {
    if (el instanceof HTMLDetailsElement) el.open = true;
    else if (el.matches('button[aria-expanded="false"]')) (el as HTMLButtonElement).click();
  }
  await settle(host);
}

/** WCAG 1.4.12's spacing, put into each widget's shadow root (a page's own style sheet cannot reach it). */
export async function spaceText(host: HTMLElement): Promise<void> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }',
  );
  for (const w of widgetsIn(host)) w.shadowRoot!.adoptedStyleSheets = [...w.shadowRoot!.adoptedStyleSheets, sheet];
  await settle(host);
}

/** Sets every widget's theme; a dark widget sits on a dark card, as it would on a page (widgets are transparent). */
export const DARK_CARD = '#12161b';

export const setTheme = async (host: HTMLElement, theme: string) => {
  host.style.background = theme === 'dark' ? DARK_CARD : '';
  // A dark story's own card (stories/data/surface.ts) turns light with its widgets.
  for (const surface of host.querySelectorAll<HTMLElement>('[data-surface]'))
    surface.style.background = theme === 'dark' ? DARK_CARD : '#ffffff';
  for (const w of widgetsIn(host)) (w as Widget).setAttribute('theme', theme);
  await settle(host);
};

/** The focused element, through shadow roots. */
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

export async function focusProblems(host: HTMLElement, stops = 30): Promise<{ problems: string[]; reached: number }> {
  const problems: string[] = [];
  let reached = 0;
  const widgets = widgetsIn(host);
  (document.activeElement as HTMLElement | null)?.blur();
  const seen = new Set<Element>();
  for (let i = 0; i < stops; i++) {
    await sendKeys({ press: 'Tab' });
    const el = deepActive();
    if (!el || seen.has(el)) break;
    seen.add(el);
    const root = el.getRootNode();
    if (!(root instanceof ShadowRoot) || !widgets.includes(root.host as Widget)) continue;
    reached++;
    const s = getComputedStyle(el);
    const indicated = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    if (!indicated) problems.push(`${who(el)} has no visible focus indicator`);
    const r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight) problems.push(`${who(el)} is focused outside the viewport`);
    // Not obscured (WCAG 2.4.11): something of it is on top at one of a few points inside it.
    const points = [
      [0.5, 0.5],
      [0.1, 0.1],
      [0.9, 0.9],
      [0.1, 0.9],
      [0.9, 0.1],
    ].map(([x, y]) => [r.left + r.width * x!, r.top + Math.min(r.height, innerHeight) * y!] as const);
    const visible = points.some(([x, y]) => {
      const hit = root.elementFromPoint(x, y);
      return !!hit && (hit === el || el.contains(hit) || hit.contains(el));
    });
    if (!visible) problems.push(`${who(el)} is hidden under other content when focused`);
  }
  return { problems, reached };
}

export function forcedColourProblems(host: HTMLElement): string[] {
  return controls(host).flatMap((el) => {
    if (el.matches('input[type="checkbox"], input[type="radio"]')) return []; // the system draws these
    const s = getComputedStyle(el);
    const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
    const border = sides.some((side) => s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) >= 1);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
    const plainLink = el.localName === 'a' && !el.classList.contains('button');
    if (plainLink)
      return s.textDecorationLine.includes('underline') || border ? [] : [`${who(el)} link has no underline in forced colours`];
    if (el.localName === 'summary') {
      // A disclosure shows itself by its marker (a list item) or a border.
      return border || outline || s.display === 'list-item'
        ? []
        : [`${who(el)} disclosure has neither a marker nor a border in forced colours`];
    }
    return border || outline ? [] : [`${who(el)} has no border in forced colours`];
  });
}

export function motionProblems(host: HTMLElement): string[] {
  const seconds = (list: string) => list.split(',').reduce((sum, t) => sum + parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1), 0);
  return shadowElements(host).flatMap((el) => {
    const out: string[] = [];
    for (const pseudo of [null, '::before', '::after'] as const) {
      const s = getComputedStyle(el, pseudo);
      if (s.animationName !== 'none' && seconds(s.animationDuration) > 0)
        out.push(`${who(el)}${pseudo ?? ''} animates (${s.animationName})`);
      if (seconds(s.transitionDuration) > 0) out.push(`${who(el)}${pseudo ?? ''} has a transition (${s.transitionProperty})`);
      if (s.scrollBehavior === 'smooth') out.push(`${who(el)} scrolls smoothly`);
    }
    return out;
  });
}
