import type { Plugin } from 'vite';
export function minifyCss(text: string, ends?: { before?: boolean; after?: boolean }): string;
export function minifyHtml(text: string): string;
export function minifyLiterals(code: string, id: string): { code: string; map: null } | null;
export const minifyLitTemplates: Plugin;
