import { defineConfig } from 'vite';

// Storybook's own Vite config. The project's vite.config.ts is a library build of dist/ and must not
// leak into Storybook (library mode would turn the Storybook build into a bundle of one entry).
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  // Storybook's own chunks (axe, the docs blocks) are large; that is not the widgets' size.
  build: { chunkSizeWarningLimit: 2000 },
});
