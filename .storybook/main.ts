import type { StorybookConfig } from '@storybook/web-components-vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

// Stories whose config is a `src` URL fetch demo data and test fixtures by the same paths as the demo
// pages and the test runner (both serve the project root), so one story config works in all three.
// The playground story can also reach the built bundles when `npm run build` has run.
const staticDirs = [
  { from: '../demo/data', to: '/demo/data' },
  { from: '../test/fixtures', to: '/test/fixtures' },
  { from: '../demo/assets', to: '/demo/assets' },
  ...(existsSync(root('dist')) ? [{ from: '../dist', to: '/dist' }] : []),
].filter((d) => existsSync(root(d.from.slice(3))));

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs,
  docs: { defaultName: 'Docs' },
  async viteFinal(config) {
    // One copy of Lit in dev mode ("Multiple versions of Lit loaded" otherwise).
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []), 'lit', 'lit/decorators.js', 'lit/directive-helpers.js'],
    };
    // Storybook's own chunks (axe, the docs blocks) are large; that says nothing about the widgets' size.
    config.build = { ...config.build, chunkSizeWarningLimit: 2000 };
    return config;
  },
};

export default config;
