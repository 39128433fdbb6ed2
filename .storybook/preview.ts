import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';
import '../src/define/all.ts';
import './preview.css';

// Docs pages (attributes, properties, events, CSS custom properties, parts, slots) come from the
// manifest that `npm run analyze` writes from the widgets' JSDoc.
setCustomElementsManifest(customElements);

const TAGS = 'care-hashtag-feed, care-support-groups, care-chat-schedule';

/**
 * The toolbar's theme switch. "Story" keeps what each story sets; light, dark and auto set the `theme`
 * attribute of every CareCircle element in the story after it renders, and give the canvas a matching
 * page colour so the widget is seen as it would be on a dark site.
 */
const withTheme: Decorator = (story, context) => {
  const theme = context.globals.theme as string | undefined;
  const result = story();
  if (theme && theme !== 'story') {
    requestAnimationFrame(() => {
      const scope = context.canvasElement ?? document;
      scope.querySelectorAll(TAGS).forEach((el) => el.setAttribute('theme', theme));
    });
  }
  document.documentElement.dataset.careTheme = theme && theme !== 'story' ? theme : '';
  return result;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'CareCircle theme attribute',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'story', title: 'As the story sets it' },
          { value: 'light', title: 'theme="light"' },
          { value: 'dark', title: 'theme="dark"' },
          { value: 'auto', title: 'theme="auto" (follows the OS)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'story' },
  parameters: {
    // Fail the a11y check (in the UI and in the test runner) on any axe violation.
    a11y: { test: 'error' },
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    docs: { toc: true },
    options: {
      storySort: { order: ['Docs', ['Introduction', 'Embedding', 'Theming', 'Playground', 'Config errors'], 'Widgets'] },
    },
  },
};

export default preview;
