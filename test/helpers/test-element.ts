// A small element used only by the core's tests, to exercise CareElement before and beside the widgets.
import { html } from 'lit';
import * as z from 'zod/mini';
import { CareElement } from '../../src/core/care-element.js';
import type { Compiled } from '../../src/core/config/compiled.js';
import { commonFields, text } from '../../src/core/config/schema.js';
import { define } from '../../src/core/define.js';

export const testSchema = z.strictObject({
  ...commonFields,
  title: text(),
  count: z._default(z.number().check(z.int(), z.minimum(0)), 3),
  items: z._default(
    z.array(z.strictObject({ id: text(), audiences: z._default(z.array(z.enum(['patient', 'carer', 'family', 'professional'])), []) })),
    [],
  ),
  sources: z._default(
    z.array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('mastodon'), instance: z.string() }),
        z.strictObject({ type: z.literal('posts'), posts: z.array(z.strictObject({ id: text() })) }),
      ]),
    ),
    [],
  ),
});
export type TestConfig = z.output<typeof testSchema>;

export class CareTestElement extends CareElement<TestConfig> {
  // No compiled validator: every config takes the explaining side (zod), which these tests are about; the
  // widgets' tests and test/node/compiled-differential.test.mjs cover the compiled side.
  protected readonly validator: Compiled<TestConfig> = { accept: () => undefined, schema: async () => testSchema };
  protected override readonly skippable = ['items'];
  protected override readonly catalogue = {
    en: { greeting: 'Hello {name}', items_one: '{count} item', items_other: '{count} items' },
    fr: { greeting: 'Bonjour {name}' },
  };
  configured = 0;
  stopped = 0;
  protected override configure(): void {
    this.configured++;
  }
  protected override stop(): void {
    this.stopped++;
  }
  protected renderContent(config: TestConfig) {
    return html`<h2 part="heading">${config.title}</h2>
      <p class="greeting">${this.t('greeting', { name: 'Ann' })}</p>
      <p class="count">${this.t('items', { count: config.items.length })}</p>
      <ul>
        ${config.items.map((i) => html`<li>${i.id}</li>`)}
      </ul>`;
  }
}
define('care-test-element', CareTestElement);

declare global {
  interface HTMLElementTagNameMap {
    'care-test-element': CareTestElement;
  }
}
