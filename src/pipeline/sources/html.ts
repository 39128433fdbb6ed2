// Post HTML in Node: the pipeline reduces every post's markup with the widget's own `reduceHtml` (one
// allowlist, not a second one to drift) and writes it back as small, fully escaped HTML, so links survive
// into the snapshot and nothing a remote server sent reaches it unreduced. The widget reduces it again.
//
// Node has no DOMParser; parse5 (the WHATWG HTML parsing algorithm, as browsers parse) builds the tree, and
// `InertNode` exposes the few DOM members reduceHtml reads. The tree is data only: nothing in it can run.
import { parseFragment } from 'parse5';
import { nodesText, postHref, reduceHtml, type SafeNode } from '../../core/sanitize.js';
import type { Post } from '../../sources/posts.js';

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
}

/** The read-only slice of the DOM that reduceHtml walks (nodeType, nodeValue, localName, childNodes…). */
class InertNode {
  constructor(private readonly node: P5Node) {}
  get nodeType(): number {
    return this.node.nodeName === '#text' ? 3 : this.node.tagName ? 1 : 8;
  }
  get nodeValue(): string | null {
    return this.node.nodeName === '#text' ? (this.node.value ?? '') : null;
  }
  get localName(): string {
    return this.node.tagName ?? '';
  }
  get childNodes(): InertNode[] {
    return (this.node.childNodes ?? []).map((c) => new InertNode(c));
  }
  getAttribute(name: string): string | null {
    return this.node.attrs?.find((a) => a.name === name)?.value ?? null;
  }
  get classList(): string[] {
    return (this.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  }
  get textContent(): string {
    return this.node.nodeName === '#text' ? (this.node.value ?? '') : this.childNodes.map((c) => c.textContent).join('');
  }
}

/**
 * Parses as the content of a `<body>` (parse5's fragment parsing, the algorithm `innerHTML` uses): the same tree
 * a full document's body gets, without building a document around each post.
 */
class NodeDomParser {
  parseFromString(markup: string): { body: InertNode } {
    const fragment = parseFragment(markup) as unknown as P5Node;
    return { body: new InertNode({ nodeName: 'body', tagName: 'body', childNodes: fragment.childNodes ?? [] }) };
  }
}

/**
 * reduceHtml and postHref read `DOMParser` and `document.baseURI` from the global scope; in Node these stand in
 * (the page address src/cli/carecircle.ts uses for `carecircle check`). Installed when first needed, not on
 * import: lit-html's Node build takes any global `document` present when it loads for a real one.
 */
export function ensureDom(): void {
  const host = globalThis as { DOMParser?: unknown; document?: unknown };
  host.DOMParser ??= NodeDomParser;
  host.document ??= { baseURI: 'https://page.invalid/' };
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Safe nodes as HTML: every text and attribute escaped, links only to absolute http(s) addresses. */
export function serializeNodes(nodes: SafeNode[]): string {
  ensureDom();
  return nodes
    .map((n) => {
      if (typeof n === 'string') return escapeHtml(n);
      const kids = serializeNodes(n.kids);
      if (n.tag === 'br') return '<br>';
      if (n.tag === 'p') return `<p>${kids}</p>`;
      if (n.tag === 'a') {
        const href = postHref(n.href);
        return href ? `<a href="${escapeHtml(href)}">${kids}</a>` : kids;
      }
      return n.cls ? `<span class="${escapeHtml(n.cls)}">${kids}</span>` : `<span>${kids}</span>`;
    })
    .join('');
}

/** Untrusted HTML reduced to the widget's allowlist and written back as escaped HTML, with its plain text. */
export function reduceToHtml(markup: string): { html: string; text: string } {
  ensureDom();
  const nodes = reduceHtml(markup);
  return { html: serializeNodes(nodes), text: tidyText(nodesText(nodes)) };
}

/** A reduced post's text as stored: spaces before a line break dropped, at most one empty line in a row. */
export const tidyText = (text: string): string =>
  text
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * A post as the pipeline stores it: never `nodes` (built in memory by a mapper, never stored); `html`, when
 * there is any, reduced and escaped; `text` always (what rules, duplicate checks and search read).
 */
export function storedPost(post: Post): Post {
  ensureDom();
  const { nodes, html, text, ...rest } = post;
  if (nodes) {
    const out = serializeNodes(nodes);
    return { ...rest, text: text ?? tidyText(nodesText(nodes)), ...(out ? { html: out } : {}) };
  }
  if (html) {
    const reduced = reduceToHtml(html);
    return { ...rest, text: text ?? reduced.text, ...(reduced.html ? { html: reduced.html } : {}) };
  }
  return { ...rest, text: text ?? '' };
}
