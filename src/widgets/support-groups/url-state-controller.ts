import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readState, writeState, type FinderState } from './url-state.js';

/** What the element keeps in the URL, and where a state read from it goes. */
export interface UrlSync {
  /** The parameter prefix, or undefined while the URL is not used (`urlState` off, or no valid config yet). */
  prefix(): string | undefined;
  state(): FinderState;
  restore(state: FinderState): void;
}

/** The finders on this page, in the order they were connected. */
const finders = new Set<UrlStateController>();

/**
 * Keeps the finder's state in the page URL, so a nurse can send a link: reads it when asked and on
 * back/forward, writes each change. Only the finder's own (prefixed) parameters are read or written. A later
 * finder with the same prefix as another leaves the URL alone (and says so once): its filters would be the other's.
 */
export class UrlStateController implements ReactiveController {
  #host: ReactiveControllerHost;
  #sync: UrlSync;
  #typing?: ReturnType<typeof setTimeout>;
  #warned?: boolean;
  #onPop = () => this.read();

  constructor(host: ReactiveControllerHost, sync: UrlSync) {
    this.#host = host;
    this.#sync = sync;
    host.addController(this);
  }

  hostConnected(): void {
    finders.add(this);
    addEventListener('popstate', this.#onPop);
  }

  hostDisconnected(): void {
    finders.delete(this);
    removeEventListener('popstate', this.#onPop);
    clearTimeout(this.#typing);
  }

  /** The prefix, unless a finder connected before this one uses it too. */
  #prefix(): string | undefined {
    const prefix = this.#sync.prefix();
    const first = [...finders].find((f) => f.#sync.prefix() === prefix);
    if (prefix === undefined || !first || first == this) return prefix;
    // Once, with the element (the console shows which one).
    this.#warned ||=
      (console.warn(`Another finder on this page has urlPrefix "${prefix}": this one keeps its state out of the address.`, this.#host),
      true);
  }

  /** Hands the state in the URL to the element. */
  read(): void {
    const prefix = this.#prefix();
    if (prefix !== undefined) this.#sync.restore(readState(location.search, prefix));
  }

  /** Puts the element's state in the URL: a new history entry, or (while typing) one entry updated a moment after the last key. */
  write(push: boolean): void {
    clearTimeout(this.#typing);
    if (push) this.#write('pushState');
    else this.#typing = setTimeout(() => this.#write('replaceState'), 300);
  }

  #write(how: 'pushState' | 'replaceState'): void {
    const prefix = this.#prefix();
    if (prefix === undefined) return;
    history[how](history.state, '', location.pathname + writeState(this.#sync.state(), location.search, prefix) + location.hash);
  }
}
