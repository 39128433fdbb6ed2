// The reactive base under every widget (src/core/base-element.ts): what the widgets, the frameworks that set their
// properties, and the tests that await `updateComplete` rely on, as LitElement does it.
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit/html.js';
import { css } from '../../src/core/css.js';
import { BaseElement, type PropertyValues, type ReactiveController } from '../../src/core/base-element.js';

let count = 0;
/** A fresh tag for each class (a tag can be defined once per page). */
const tag = () => `base-test-${++count}`;

class Probe extends BaseElement {
  static override properties = {
    label: {},
    headingLevel: { attribute: 'heading-level' },
    theme: { reflect: true },
    data: { attribute: false },
    open: { state: true },
  };
  static override styles = css`
    p {
      color: rgb(1, 2, 3);
    }
  `;
  declare label: string | null | undefined;
  declare headingLevel: string | null | undefined;
  declare theme: string | undefined;
  declare data: unknown;
  declare open: boolean;
  renders = 0;
  changes: PropertyValues[] = [];
  protected override willUpdate(changed: PropertyValues): void {
    this.changes.push(new Map(changed));
  }
  protected override render() {
    this.renders++;
    return html`<p>${this.label ?? ''}|${this.headingLevel ?? ''}|${this.theme ?? ''}|${this.open ? 'open' : 'shut'}</p>`;
  }
}
const probeTag = tag();
customElements.define(probeTag, Probe);
const text = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

describe('BaseElement (the widgets’ reactive base)', () => {
  it('renders into an open shadow root with its styles once connected, and `updateComplete` waits for it', async () => {
    const el = document.createElement(probeTag) as Probe;
    el.label = 'a';
    await new Promise((r) => setTimeout(r));
    expect(el.renders, 'nothing before it is connected').to.equal(0);
    document.body.append(el);
    expect(await el.updateComplete).to.equal(true);
    expect(el.renders).to.equal(1);
    expect(text(el)).to.equal('a|||shut');
    expect(getComputedStyle(el.shadowRoot!.querySelector('p')!).color).to.equal('rgb(1, 2, 3)');
    el.remove();
  });

  it('batches the properties set in one task into one update, with each one’s value before', async () => {
    const el = await fixture<Probe>(`<${probeTag} label="a"></${probeTag}>`);
    expect(el.changes[0]!.get('label'), 'before the first update the old value is undefined').to.equal(undefined);
    el.label = 'b';
    el.label = 'c';
    el.open = true;
    await el.updateComplete;
    expect(el.renders).to.equal(2);
    expect(text(el)).to.equal('c|||open');
    expect([...el.changes[1]!]).to.deep.equal([
      ['label', 'a'],
      ['open', undefined],
    ]);
    el.label = 'c'; // the same value: no update
    await el.updateComplete;
    expect(el.renders).to.equal(2);
  });

  it('reads attributes into properties (named, default lower case, none for state or attribute: false)', async () => {
    const el = await fixture<Probe>(`<${probeTag} label="x" heading-level="3" data="no" open></${probeTag}>`);
    expect(el.label).to.equal('x');
    expect(el.headingLevel).to.equal('3');
    expect(el.data).to.equal(undefined);
    expect(el.open).to.equal(undefined);
    el.removeAttribute('label');
    await el.updateComplete;
    expect(el.label).to.equal(null);
    expect(text(el)).to.equal('|3||shut');
    expect((Probe as unknown as { observedAttributes: string[] }).observedAttributes.sort()).to.deep.equal([
      'heading-level',
      'label',
      'theme',
    ]);
  });

  it('reflects a `reflect` property to its attribute, and removes it for null or undefined', async () => {
    const el = await fixture<Probe>(`<${probeTag}></${probeTag}>`);
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.renders).to.equal(2);
    el.setAttribute('theme', 'light');
    await el.updateComplete;
    expect(el.theme).to.equal('light');
    expect(text(el)).to.equal('||light|shut');
    el.theme = undefined;
    await el.updateComplete;
    expect(el.hasAttribute('theme')).to.equal(false);
  });

  it('keeps properties a framework set before the element was defined, and applies them at the first update', async () => {
    const name = tag();
    const early = document.createElement(name) as unknown as Record<string, unknown>;
    early.data = { a: 1 };
    early.label = 'early';
    document.body.append(early as unknown as Element);
    class Late extends Probe {}
    customElements.define(name, Late);
    const el = early as unknown as Late;
    await el.updateComplete;
    expect(Object.hasOwn(el, 'label'), 'the own property no longer shadows the accessor').to.equal(false);
    expect(el.label).to.equal('early');
    expect(el.data).to.deep.equal({ a: 1 });
    expect(text(el)).to.equal('early|||shut');
    expect(el.changes[0]!.has('data')).to.equal(true);
    el.label = 'later';
    await el.updateComplete;
    expect(text(el)).to.equal('later|||shut');
    el.remove();
  });

  it('tells controllers of connection, each update and disconnection', async () => {
    const calls: string[] = [];
    const controller: ReactiveController = {
      hostConnected: () => calls.push('connected'),
      hostUpdate: () => calls.push('update'),
      hostUpdated: () => calls.push('updated'),
      hostDisconnected: () => calls.push('disconnected'),
    };
    const el = document.createElement(probeTag) as Probe;
    el.addController(controller);
    document.body.append(el);
    await el.updateComplete;
    el.remove();
    expect(calls).to.deep.equal(['connected', 'update', 'updated', 'disconnected']);
    el.removeController(controller);
    document.body.append(el);
    el.label = 'again';
    await el.updateComplete;
    expect(calls).to.have.length(4);
    el.remove();
  });

  it('lets a subclass delay its updates (scheduleUpdate) and time its renders (update), and keeps updating after one throws', async () => {
    const name = tag();
    let release!: () => void;
    const order: string[] = [];
    class Slow extends Probe {
      protected override async scheduleUpdate(): Promise<void> {
        await new Promise<void>((r) => (release = r));
        super.scheduleUpdate();
      }
      protected override update(changed: PropertyValues): void {
        order.push('update');
        super.update(changed);
      }
      protected override updated(): void {
        order.push('updated');
        if (this.label == 'boom') throw new Error('boom');
      }
    }
    customElements.define(name, Slow);
    const el = document.createElement(name) as Slow;
    document.body.append(el);
    await new Promise((r) => setTimeout(r));
    expect(el.renders).to.equal(0);
    release();
    await el.updateComplete;
    expect(order).to.deep.equal(['update', 'updated']);
    // An update that throws rejects its `updateComplete` and is reported again when the next one starts, as in
    // Lit (web-test-runner logs that "Error: boom" as thrown outside a test: it is this one).
    const errors: unknown[] = [];
    const onError = (e: PromiseRejectionEvent) => (errors.push(e.reason), e.preventDefault());
    window.addEventListener('unhandledrejection', onError);
    el.label = 'boom';
    await new Promise((r) => setTimeout(r));
    release();
    await el.updateComplete.catch(() => {});
    el.label = 'fine';
    await new Promise((r) => setTimeout(r));
    release();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    window.removeEventListener('unhandledrejection', onError);
    expect(text(el)).to.equal('fine|||shut');
    expect(String(errors[0])).to.contain('boom');
    el.remove();
  });
});
