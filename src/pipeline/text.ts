// A post's plain text in Node: what rules, duplicate detection and search read.
import type { Post } from '../sources/posts.js';
import { linkHosts, reduceHtml } from '../core/sanitize.js';
import { ensureDom, reduceToHtml } from './sources/html.js';

/**
 * The text a reader sees: `text` (every stored post has it: storedPost derives it from the HTML with the widget's
 * own reduceHtml), else the text of `html` read the same way.
 */
export const plainText = (post: Post): string => (post.text ?? (post.html ? reduceToHtml(post.html).text : '')).trim();

/** What rules read: the text a reader sees and the sites the widget shows after misleading links (`linkHosts`). */
export const shownText = (post: Post): string => plainText(post) + (post.html ? (ensureDom(), linkHosts(reduceHtml(post.html))) : '');
