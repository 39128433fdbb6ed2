// Config for `npm run analyze` (@custom-elements-manifest/analyzer): writes custom-elements.json from the
// widgets' JSDoc (@summary @fires @csspart @cssprop @slot). Storybook's docs pages read that file.
export default {
  globs: ['src/widgets/**/*.ts', 'src/core/care-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
};
