import { inertHtml } from './trusted-types.js';
import { hostOf, safeUrl } from './urls.js';

// The addresses a widget may link to live in urls.ts (a widget that only links does not carry this HTML reader).
export { safeUrl, telUrl, mailtoUrl } from './urls.js';

/** A node of reduced post HTML: text, or one of the few elements a post may keep. */
export type SafeNode = string | { tag: 'p' | 'br' | 'a' | 'span'; href?: string; cls?: string; kids: SafeNode[] };

// Elements whose content is never text a reader should see (void ones, such as img and input, have none to keep).
const DROP =
  /^(script|style|template|noscript|iframe|object|svg|math|title|textarea|select|picture|video|audio|canvas|noembed|noframes|xmp|plaintext|button|form)$/;
const BLOCK = /^(div|li|blockquote|h[1-6]|pre|ul|ol|dd|dt|tr|table|section|article|header|footer|figure|figcaption|hr)$/;
// The classes Mastodon puts on spans for mentions, hashtags and shortened links. Its `invisible` spans (a link's
// `https://www.`, hidden when shown) are left out altogether: what a reader never sees is not kept, so hidden
// letters inside a word ("mir<span class=invisible>x</span>acle") cannot hide that word from a block list.
const CLASSES = ['h-card', 'mention', 'hashtag', 'u-url', 'ellipsis'];

/**
 * Parses HTML inertly: a DOMParser document has no browsing context, so nothing in it runs or loads. Pages
 * that enforce Trusted Types get the string through the shared `carecircle-inert` policy (undefined where the
 * page refuses it); the parsed tree is then rebuilt node by node, never serialised back into the page.
 */
function parseInert(markup: string): Document | undefined {
  const trusted = inertHtml(markup);
  try {
    return trusted === undefined ? undefined : new DOMParser().parseFromString(trusted, 'text/html');
  } catch {
    return undefined;
  }
}

/**
 * An absolute http(s) address from a post or a remote source. Relative ones (`/x`, `x.html`) would resolve
 * against the hospital's own page and `//host` to whatever server it names, so they give undefined too.
 */
export const postHref = (href: unknown, options?: { httpsOnly?: boolean }): string | undefined =>
  typeof href === 'string' && /^\s*https?:\/\//i.test(href) ? safeUrl(href, options) : undefined;

/**
 * Reduces untrusted post HTML to paragraphs, line breaks, http(s) links and Mastodon's mention and hashtag
 * spans; every other element becomes its text and every attribute but a checked `href` and allowlisted
 * classes is dropped. When the markup cannot be parsed, the result is its text with the tags stripped.
 */
export function reduceHtml(markup: string): SafeNode[] {
  const doc = parseInert(markup.slice(0, 50000));
  if (!doc) return [markup.replace(/<[^>]*>?/g, ' ')];
  const walk = (node: Node, depth: number): SafeNode[] => {
    const out: SafeNode[] = [];
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out.push(child.nodeValue!);
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).localName;
      if (DROP.test(tag)) continue;
      if (depth > 40) {
        out.push(child.textContent ?? '');
        continue;
      }
      const kids = walk(child, depth + 1);
      if (tag === 'br') out.push({ tag, kids: [] });
      else if (tag === 'p') out.push({ tag, kids });
      else if (tag === 'a' && postHref((child as Element).getAttribute('href')))
        out.push({ tag, href: postHref((child as Element).getAttribute('href'))!, kids });
      else if (tag === 'span') {
        const cls = [...(child as Element).classList];
        if (!cls.includes('invisible')) out.push({ tag, cls: cls.filter((c) => CLASSES.includes(c)).join(' '), kids });
      } else out.push(...kids, ...(BLOCK.test(tag) ? [{ tag: 'br' as const, kids: [] }] : []));
    }
    return out;
  };
  return walk(doc.body, 0);
}

/** The words of reduced HTML, for moderation and summaries. */
export const nodesText = (nodes: SafeNode[]): string =>
  nodes
    .map((n) => (typeof n === 'string' ? n : n.tag === 'br' ? '\n' : n.tag === 'p' ? nodesText(n.kids) + '\n' : nodesText(n.kids)))
    .join('');

/** A host as people write it: without `www.`, in its ASCII form; '' if none. */
const host = (url: string): string => hostOf(url).replace(/^www\./, '');

/**
 * The host a link goes to, when its text names another (`https://www.cancer.gov/…`, "Visit cancer.gov", "NCI:
 * cancer.gov", `@nci@cancer.gov`): a post must not dress a link to one site as another (any fediverse server can send
 * such markup, and a Bluesky facet can put any address under any text). The text is read as it is drawn: NFKC
 * (full-width letters and dots, the one dot leader), the ideographic full stop, which browsers take as a dot, and
 * without invisible characters. Every piece of it that reads as a host counts, leaving out paths and queries.
 */
export const otherHost = (text: string, href: string): string | undefined => {
  const real = host(href);
  return text
    .normalize('NFKC')
    .replace(/\p{DI}/gu, '')
    .replace(/(?<!\/)\/(?!\/)\S*|[?#]\S*/g, ' ')
    .match(/[\p{L}\p{N}-]+(?:[.。][\p{L}\p{N}-]+)*[.。]\p{L}[\p{L}\p{N}-]+/gu)
    ?.some((named) => host('http://' + named) != real)
    ? real
    : undefined;
};

/**
 * The sites the feed shows after links whose text names another (`contentNodes`): moderation reads them with the
 * text, so a blocked word in one is never shown either.
 */
export const linkHosts = (nodes: SafeNode[]): string =>
  nodes.flatMap((n) => (typeof n == 'string' ? [] : [linkHosts(n.kids), n.href && otherHost(nodesText(n.kids), n.href)])).join(' ');

/** Plain text as paragraphs and line breaks, with bare http(s) addresses made links. */
export function textNodes(value: string): SafeNode[] {
  return value
    .trim()
    .split(/\n\s*\n/)
    .map((para) => ({
      tag: 'p' as const,
      kids: para
        .split('\n')
        .flatMap((line, i): SafeNode[] => [
          ...(i ? [{ tag: 'br' as const, kids: [] }] : []),
          ...line
            .split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)'])/)
            .map((part, j): SafeNode => (j % 2 && postHref(part) ? { tag: 'a', href: postHref(part)!, kids: [part] } : part)),
        ]),
    }));
}

/**
 * The bidi controls (embeddings, overrides, isolates and marks) that can make text read as other text: "\u202emaps"
 * is drawn as "spam". Posts lose them before they are moderated or shown (the feed's `prepare`); the direction of
 * right-to-left text comes from `dir="auto"` and `<bdi>` instead.
 */
export const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Display names and handles: text without the bidi controls that can make a name read as another. */
export const cleanName = (value: string): string => value.replace(BIDI, '').trim();
