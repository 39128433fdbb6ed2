import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { UrlStateController } from '../../../src/widgets/support-groups/url-state-controller.js';
import { emptyState, type FinderState } from '../../../src/widgets/support-groups/url-state.js';

/** A bare host: the controller needs only addController. */
type Host = ReactiveControllerHost & { controllers: ReactiveController[] };
const host = (): Host => {
  const controllers: ReactiveController[] = [];
  return { controllers, addController: (c: ReactiveController) => controllers.push(c) } as unknown as Host;
};

let startUrl = '';
beforeEach(() => (startUrl = location.href));
afterEach(() => history.replaceState(null, '', startUrl));

describe('UrlStateController', () => {
  it('adds itself, reads only its own parameters, and writes beside the host page’s', () => {
    history.replaceState(null, '', '?q=cats&sg-q=bowel&sg-format=online');
    const h = host();
    let state = emptyState();
    let prefix: string | undefined = 'sg-';
    const url = new UrlStateController(h, { prefix: () => prefix, state: () => state, restore: (s) => (state = s) });
    expect(h.controllers).to.deep.equal([url]);
    url.read();
    expect(state.q).to.equal('bowel');
    expect(state.filters.format).to.deep.equal(['online']);
    state = { ...state, q: 'lung' };
    url.write(true);
    expect(location.search).to.equal('?q=cats&sg-q=lung&sg-format=online');
    // Off (urlState false, or no config): neither read nor written.
    prefix = undefined;
    url.read();
    url.write(true);
    expect(state.q).to.equal('lung');
    expect(location.search).to.equal('?q=cats&sg-q=lung&sg-format=online');
  });

  it('restores on back/forward while connected, and stops listening when disconnected', () => {
    const h = host();
    const restored: FinderState[] = [];
    const url = new UrlStateController(h, { prefix: () => 'sg-', state: emptyState, restore: (s) => restored.push(s) });
    url.hostConnected();
    history.replaceState(null, '', '?sg-q=skin');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(restored.map((s) => s.q)).to.deep.equal(['skin']);
    url.hostDisconnected();
    dispatchEvent(new PopStateEvent('popstate'));
    expect(restored).to.have.length(1);
  });
});
