import * as z from 'zod/mini';

/** Fields every widget config accepts. */
export const commonFields = {
  /** Editors may point their IDE at the published JSON Schema. */
  $schema: z.optional(z.string()),
  /** Overrides for any message the widget shows, by key (see the README's message reference). */
  messages: z.optional(z.record(z.string(), z.string())),
};

/** An `http:` or `https:` address (relative ones resolve against the page). */
export const webUrl = () =>
  z.string().check(
    z.refine((v) => /^https?:$/.test(safeProtocol(v)), { message: 'Must be a web address starting with https:// or http://' }),
  );

function safeProtocol(value: string): string {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    return '';
  }
}

/** A non-empty string. */
export const text = () => z.string().check(z.minLength(1));
