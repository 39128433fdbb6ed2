// Docs/Playground: the same playground as demo/playground.html, with the tags registered from source.
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { mountPlayground } from '../../demo/assets/playground.js';

export default {
  title: 'Docs/Playground',
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
};

export const Playground = {
  name: 'Config playground',
  parameters: { care: { shows: ['Widget'] } },
  render: () =>
    html`<link rel="stylesheet" href="/demo/assets/playground.css" />
      <div ${ref((el) => el && !el.childElementCount && mountPlayground(el as HTMLElement))}></div>`,
};
