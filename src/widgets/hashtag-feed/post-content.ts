import { ugcLink } from '../../core/links.js';
import { el } from '../../core/dom.js';
import type { SafeNode } from '../../core/sanitize.js';

/**
 * Reduced post HTML as DOM nodes: text stays text (never parsed as markup), links follow the one external-link
 * policy, and the only elements are the reduced set (p, br, a, span with allowlisted classes). No HTML string
 * is involved, so it needs no Trusted Types policy and cannot smuggle markup.
 */
export const contentNodes = (nodes: SafeNode[]): (Node | string)[] =>
  nodes.map((n) =>
    typeof n == 'string'
      ? n
      : n.tag == 'a'
        ? ugcLink(n.href, undefined, ...contentNodes(n.kids))
        : el(n.tag, n.tag == 'span' ? { class: n.cls ?? '' } : {}, ...contentNodes(n.kids)),
  );
