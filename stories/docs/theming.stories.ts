// Docs/Theming: every --care-* token, live. The MDX page beside it explains; this story is the lab.
import { html } from 'lit';
import { defineTokenLab } from './token-lab.js';
import { demoConfigs } from './demo-configs.js';

defineTokenLab();

export default {
  title: 'Docs/Theming',
  component: 'care-docs-token-lab',
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
};

export const Tokens = {
  name: 'All tokens, live',
  parameters: { care: { shows: ['Breast Cancer Support — Westmead', '#bcsm weekly chat', 'fatigue after radiotherapy'] } },
  render: () => html`<care-docs-token-lab .widgetSources=${demoConfigs}></care-docs-token-lab>`,
};

/** The same tokens a charity page sets (see demo/charity.html), on dark widgets. */
export const CharityBrand = {
  name: 'A charity brand in dark mode',
  parameters: { care: { shows: ['#bcsm'] } },
  render: () =>
    html`<div
      style="background:#16121f;padding:1rem;display:grid;gap:1.5rem;--care-font-family:system-ui,sans-serif;--care-radius:1rem;--care-color-background:#1c1628;--care-color-surface:#2a2139;--care-color-text:#f3eefb;--care-color-muted:#cdc3dc;--care-color-border:#8f7fa8;--care-color-accent:#d9b8ff;--care-color-on-accent:#1d0f33;--care-color-danger:#ffb4c0;--care-color-success:#a6e3b8;--care-color-focus:#ffd36b"
    >
      <care-support-groups theme="dark" src=${demoConfigs['care-support-groups']}></care-support-groups>
      <care-chat-schedule theme="dark" src=${demoConfigs['care-chat-schedule']}></care-chat-schedule>
      <care-hashtag-feed theme="dark" src=${demoConfigs['care-hashtag-feed']}></care-hashtag-feed>
    </div>`,
};
