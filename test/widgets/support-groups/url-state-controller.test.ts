import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
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

describe('UrlStateController: two finders with one prefix', () => {
  let warn = console.warn;
  let warnings: unknown[][] = [];
  beforeEach(() => ((warn = console.warn), (warnings = []), (console.warn = (...a: unknown[]) => void warnings.push(a))));
  afterEach(() => (console.warn = warn));

  it('the one connected later leaves the URL alone, says so once, and takes over when the first goes', () => {
    history.replaceState(null, '', '?sg-q=skin');
    const states = [emptyState(), emptyState()];
    const [a, b] = states.map(
      (_, i) => new UrlStateController(host(), { prefix: () => 'sg-', state: () => states[i]!, restore: (s) => (states[i] = s) }),
    );
    a!.hostConnected();
    b!.hostConnected();
    b!.read();
    a!.read();
    expect(states.map((s) => s.q)).to.deep.equal(['skin', '']);
    states[1] = { ...states[1]!, q: 'lung' };
    b!.write(true);
    expect(location.search).to.equal('?sg-q=skin');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(states.map((s) => s.q)).to.deep.equal(['skin', 'lung']);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('urlPrefix "sg-"');
    a!.hostDisconnected();
    b!.write(true);
    expect(location.search).to.equal('?sg-q=lung');
    b!.hostDisconnected();
  });
});

describe('<care-support-groups>: two finders on one page with the default urlPrefix', () => {
  let warn = console.warn;
  let warnings: unknown[][] = [];
  beforeEach(() => ((warn = console.warn), (warnings = []), (console.warn = (...a: unknown[]) => void warnings.push(a))));
  afterEach(() => (console.warn = warn));

  it('a filter ticked in one, then Back or Forward, does not filter the other', async () => {
    const groups = (await (await fetch('/test/fixtures/support-groups/groups.json')).json()) as object;
    const page = await fixture<HTMLElement>(
      html`<div><care-support-groups .config=${groups}></care-support-groups><care-support-groups .config=${groups}></care-support-groups></div>`,
    );
    const [a, b] = [...page.querySelectorAll<CareSupportGroups>('care-support-groups')];
    const count = (el: CareSupportGroups) => el.shadowRoot!.querySelectorAll('.group').length;
    await waitUntil(() => count(a!) && count(b!), 'did not render', { timeout: 4000 });
    const online = [...a!.shadowRoot!.querySelectorAll('.check')].find((l) => /^\s*Online \(/.test(l.textContent!))!;
    online.querySelector('input')!.click();
    await a!.updateComplete;
    expect(new URLSearchParams(location.search).getAll('sg-format')).to.deep.equal(['online']);
    history.replaceState(null, '', location.href);
    dispatchEvent(new PopStateEvent('popstate'));
    await b!.updateComplete;
    expect(a!.state.filters.format).to.deep.equal(['online']);
    expect(b!.state.filters.format).to.deep.equal([]);
    expect(count(b!)).to.equal(5);
    expect(warnings.filter((w) => String(w[0]).includes('urlPrefix "sg-"'))).to.have.length(1);
  });
});
