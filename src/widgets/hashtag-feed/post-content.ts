import { ugcLink } from '../../core/links.js';
import { el } from '../../core/dom.js';
import { nodesText, otherHost, type SafeNode } from '../../core/sanitize.js';

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
