// The browser's Intl start-up in small tasks (src/core/i18n/format.ts intlWarmer): a collator, then a segmenter,
// each in a task of its own, once per page, so no widget's first formatter is one long task on a phone.
import { expect } from '@open-wc/testing';
import { intlWarmer } from '../../src/core/i18n/format.js';
import { nextTask } from '../../src/core/tasks.js';

describe('Intl warm-up', () => {
  const real = { Collator: Intl.Collator, Segmenter: Intl.Segmenter };
  let made: string[];
  beforeEach(() => {
    made = [];
    const spy = <T extends object>(name: string, C: T): T =>
      new Proxy(C, { construct: (target, args) => (made.push(`${name}:${args[0]}`), Reflect.construct(target as never, args)) });
    Intl.Collator = spy('Collator', real.Collator);
    (Intl as { Segmenter: unknown }).Segmenter = spy('Segmenter', real.Segmenter);
  });
  afterEach(() => Object.assign(Intl, real));

  it('makes a collator, then a segmenter, each in a later task of its own, once', async () => {
    const warm = intlWarmer();
    warm('es');
    warm('ar');
    expect(made, 'nothing in the task that asked').to.deep.equal([]);
    await nextTask();
    expect(made).to.deep.equal(['Collator:es']);
    await nextTask();
    expect(made).to.deep.equal(['Collator:es', 'Segmenter:es']);
    await nextTask();
    await nextTask();
    expect(made, 'a second call does nothing').to.deep.equal(['Collator:es', 'Segmenter:es']);
  });

  it('makes only the collator where the browser has no segmenter', async () => {
    (Intl as { Segmenter: unknown }).Segmenter = undefined;
    intlWarmer()('en');
    await nextTask();
    await nextTask();
    expect(made).to.deep.equal(['Collator:en']);
  });
});
