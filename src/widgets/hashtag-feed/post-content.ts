import { ugcLink } from '../../core/links.js';
import { el } from '../../core/dom.js';
import { nodesText, type SafeNode } from '../../core/sanitize.js';
import { hostOf } from '../../core/urls.js';

/** A host as people write it: without `www.`, in its ASCII form; '' if none. */
const host = (url: string): string => hostOf(url).replace(/^www\./, '');

/**
 * The host a link's text names when it reads as an address (`https://www.cancer.gov/…`, `cancer.gov`) and its
 * link goes elsewhere: a post must not dress a link to one site as another (any fediverse server can send such
 * markup, and a Bluesky facet can put any address under any text).
 */
export const otherHost = (text: string, href: string): string | undefined => {
  const named = /^\s*(?:https?:\/\/)?([^\s/?#@:]+\.[^\s/?#@:]+)/i.exec(text);
  const real = host(href);
  return named && host('http://' + named[1]) != real ? real : undefined;
};

/**
 * Reduced post HTML as DOM nodes: text stays text (never parsed as markup), links follow the one external-link
 * policy, and the only elements are the reduced set (p, br, a, span with allowlisted classes). No HTML string
 * is involved, so it needs no Trusted Types policy and cannot smuggle markup. A link whose text names another
 * host than its own is followed by its own, in brackets.
 */
export const contentNodes = (nodes: SafeNode[]): (Node | string)[] =>
  nodes.flatMap((n) => {
    if (typeof n == 'string') return n;
    if (n.tag != 'a') return el(n.tag, n.tag == 'span' ? { class: n.cls ?? '' } : {}, ...contentNodes(n.kids));
    const real = otherHost(nodesText(n.kids), n.href!);
    return [ugcLink(n.href, undefined, ...contentNodes(n.kids)), ...(real ? [` (${real})`] : [])];
  });
