// A post's plain text in Node, where there is no DOMParser: what rules, duplicate detection and search read.
import type { Post } from '../sources/posts.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** HTML → text: block ends become new lines, tags are dropped, common and numeric entities decoded. Never rendered. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>?/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
      const lower = e.toLowerCase();
      if (lower.startsWith('#x')) return safeChar(parseInt(lower.slice(2), 16)) ?? m;
      if (lower.startsWith('#')) return safeChar(parseInt(lower.slice(1), 10)) ?? m;
      return ENTITIES[lower] ?? m;
    });
}

const safeChar = (n: number): string | undefined =>
  n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : undefined;

/** The text a reader sees: `text`, else the text of `html`. */
export const plainText = (post: Post): string => (post.text ?? (post.html ? htmlText(post.html) : '')).trim();
