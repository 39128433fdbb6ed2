import { html, type TemplateResult } from 'lit';
import { externalLink } from '../../core/links.js';
import type { SafeNode } from '../../core/sanitize.js';

/**
 * Reduced post HTML as Lit templates: text stays text, links follow the one external-link policy. Nothing here
 * is an HTML string, so it needs no Trusted Types policy and cannot smuggle markup.
 */
export const renderNodes = (nodes: SafeNode[]): (string | TemplateResult)[] =>
  nodes.map((n) =>
    typeof n === 'string'
      ? n
      : n.tag === 'br'
        ? html`<br />`
        : n.tag === 'p'
          ? html`<p>${renderNodes(n.kids)}</p>`
          : n.tag === 'a'
            ? externalLink(n.href, renderNodes(n.kids), { ugc: true })
            : html`<span class=${n.cls ?? ''}>${renderNodes(n.kids)}</span>`,
  );
