// A post's plain text in Node: what rules, duplicate detection and search read.
import type { Post } from '../sources/posts.js';
import { linkHosts, nodesText, reduceHtml } from '../core/sanitize.js';
import { ensureDom, reduceToHtml, tidyText } from './sources/html.js';

/**
 * The text a reader sees: `text` (every stored post has it: storedPost derives it from the HTML with the widget's
 * own reduceHtml), else the text of `html` read the same way.
 */
export const plainText = (post: Post): string => (post.text ?? (post.html ? reduceToHtml(post.html).text : '')).trim();

/**
 * What rules read: the text a reader sees and the sites the widget shows after misleading links (`linkHosts`), from
 * one reading of the HTML (the text as `plainText` has it).
 */
export function shownText(post: Post): string {
  if (!post.html) return plainText(post);
  ensureDom();
  const nodes = reduceHtml(post.html);
  return (post.text ?? tidyText(nodesText(nodes))).trim() + linkHosts(nodes);
}
