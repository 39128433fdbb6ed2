import { html, type TemplateResult } from 'lit';
import type { SafeNode } from '../../core/sanitize.js';

/**
 * Reduced post HTML as Lit templates: text stays text, links get a checked href and safe rel. Nothing here
 * is an HTML string, so it needs no Trusted Types policy and cannot smuggle markup.
 */
export const renderNodes = (nodes: SafeNode[]): (string | TemplateResult)[] =>
  nodes.map((n) =>
    typeof n === 'string' ? n
    : n.tag === 'br' ? html`<br />`
    : n.tag === 'p' ? html`<p>${renderNodes(n.kids)}</p>`
    : n.tag === 'a' ? html`<a href=${n.href!} rel="noopener noreferrer nofollow ugc">${renderNodes(n.kids)}</a>`
    : html`<span class=${n.cls ?? ''}>${renderNodes(n.kids)}</span>`,
  );
