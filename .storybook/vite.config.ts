import { defineConfig } from 'vite';

// Storybook's own Vite config. The project's vite.config.ts is a library build of dist/ and must not
// leak into Storybook (library mode would turn the Storybook build into a bundle of one entry).
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
});
