import { ugcLink } from '../../core/links.js';
import { el } from '../../core/dom.js';
import { nodesText, type SafeNode } from '../../core/sanitize.js';
import { hostOf } from '../../core/urls.js';

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
 * Reduced post HTML as DOM nodes: text stays text (never parsed as markup), links follow the one external-link
 * policy, and the only elements are the reduced set (p, br, a, span with allowlisted classes). No HTML string
 * is involved, so it needs no Trusted Types policy and cannot smuggle markup. A link whose text names another
 * host than its own is followed by its own, in brackets, isolated left-to-right (`<bdi dir="ltr">`): nothing in the
 * link's text can turn it around.
 */
export const contentNodes = (nodes: SafeNode[]): (Node | string)[] =>
  nodes.flatMap((n) => {
    if (typeof n == 'string') return n;
    if (n.tag != 'a') return el(n.tag, n.tag == 'span' ? { class: n.cls ?? '' } : {}, ...contentNodes(n.kids));
    const real = otherHost(nodesText(n.kids), n.href!);
    return [ugcLink(n.href, undefined, ...contentNodes(n.kids)), ...(real ? [' ', el('bdi', { dir: 'ltr' }, `(${real})`)] : [])];
  });
