import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readState, writeState, type FinderState } from './url-state.js';

/** What the element keeps in the URL, and where a state read from it goes. */
export interface UrlSync {
  /** The parameter prefix, or undefined while the URL is not used (`urlState` off, or no valid config yet). */
  prefix(): string | undefined;
  state(): FinderState;
  restore(state: FinderState): void;
}

/**
 * Keeps the finder's state in the page URL, so a nurse can send a link: reads it when asked and on
 * back/forward, writes each change. Only the finder's own (prefixed) parameters are read or written.
 */
export class UrlStateController implements ReactiveController {
  #sync: UrlSync;
  #typing?: ReturnType<typeof setTimeout>;
  #onPop = () => this.read();

  constructor(host: ReactiveControllerHost, sync: UrlSync) {
    this.#sync = sync;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('popstate', this.#onPop);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPop);
    clearTimeout(this.#typing);
  }

  /** Hands the state in the URL to the element. */
  read(): void {
    const prefix = this.#sync.prefix();
    if (prefix !== undefined) this.#sync.restore(readState(location.search, prefix));
  }

  /** Puts the element's state in the URL: a new history entry, or (while typing) one entry updated a moment after the last key. */
  write(push: boolean): void {
    clearTimeout(this.#typing);
    if (push) this.#write('pushState');
    else this.#typing = setTimeout(() => this.#write('replaceState'), 300);
  }

  #write(how: 'pushState' | 'replaceState'): void {
    const prefix = this.#sync.prefix();
    if (prefix === undefined) return;
    history[how](history.state, '', location.pathname + writeState(this.#sync.state(), location.search, prefix) + location.hash);
  }
}
