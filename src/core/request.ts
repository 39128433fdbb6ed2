/** A GET on its way: the response (never an unhandled rejection), and the timeout that may have ended it. */
export interface Sent {
  response: Promise<Response>;
  timeout: AbortSignal;
}

/**
 * Starts a GET for JSON without cookies or referrer, with a timeout (15 s); `readJson` (fetch.ts) reads the answer and
 * words what went wrong. Apart from it so that a widget can ask for its config while the code that reads it loads.
 */
export function send(url: string, signal?: AbortSignal): Sent {
  const timeout = AbortSignal.timeout(15000);
  const response = fetch(url, {
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    headers: { accept: 'application/json' },
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  response.catch(() => {}); // read (and its failure worded) by readJson, maybe a moment later
  return { response, timeout };
}
