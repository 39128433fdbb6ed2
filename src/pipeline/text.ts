// A post's plain text in Node: what rules, duplicate detection and search read.
import type { Post } from '../sources/posts.js';
import { reduceToHtml } from './sources/html.js';

/**
 * The text a reader sees: `text` (every stored post has it: storedPost derives it from the HTML with the widget's
 * own reduceHtml), else the text of `html` read the same way.
 */
export const plainText = (post: Post): string => (post.text ?? (post.html ? reduceToHtml(post.html).text : '')).trim();
