import * as z from 'zod/mini';
import { refine } from './checks.js';

/** Fields every widget config accepts. */
export const commonFields = {
  /** Editors may point their IDE at the published JSON Schema. */
  $schema: z.optional(z.string()),
  /** Overrides for any message the widget shows, by key (see the README's message reference). */
  messages: z.optional(z.record(z.string(), z.string())),
};

/**
 * An `http:` or `https:` address (relative ones resolve against the page). JSON Schema is told its scheme:
 * http(s) or none, after the spaces and control characters a browser ignores before it.
 */
export const webUrl = () =>
  refine(z.string(), (v) => /^https?:$/.test(safeProtocol(v)), 'Must be a web address starting with https:// or http://', {
    pattern: '^[\\x00-\\x20]*(?:[Hh][Tt][Tt][Pp][Ss]?:|(?![A-Za-z][A-Za-z0-9+.\\t\\n\\r-]*:))',
  });

function safeProtocol(value: string): string {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    return '';
  }
}

/** A non-empty string. */
export const text = () => z.string().check(z.minLength(1));
