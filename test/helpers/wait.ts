import { waitUntil as waitUntilOpenWc } from '@open-wc/testing';

/**
 * @open-wc's `waitUntil`, given 5 s by default instead of 1 s (half a test's 10 s, so a wait that fails still says
 * what it waited for). What the tests wait for comes within a frame or two, and the wait ends as soon as it does;
 * but with the end-to-end suite on the other core, a chunk loaded at first use (a source's failure words, zod's
 * explanations) has taken more than a second to arrive. The longer default only changes how long a failing test
 * takes to say so: a test that waits for something that does not come fails as before.
 */
export const waitUntil = (
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> => waitUntilOpenWc(predicate, message, { timeout: 5000, ...options });
