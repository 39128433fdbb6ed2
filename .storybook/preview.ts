import type { ArgTypesEnhancer, Decorator, Preview, WebComponentsRenderer } from '@storybook/web-components-vite';
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

/**
 * Controls that fit each member the manifest lists: a select for `theme`, text for `src`, `now` and the other
 * text attributes, a number for the heading level, a colour picker for colour tokens and text for the other
 * tokens (the stories' renders set `--care-*` args as the element's style), and none for events, parts and
 * slots (nothing to set). A control a story sets itself is kept. Colour controls are named here, so no name
 * matcher guesses them (it warned "Control of type color only supports string" for every token).
 */
const careControls: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes }) => {
  const out: typeof argTypes = {};
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    let control: Record<string, unknown> | undefined;
    if (category === 'events' || category === 'css shadow parts' || category === 'slots') control = { control: false };
    else if (category === 'css custom properties') control = { control: /-colou?r(-|$)|-background$/.test(name) ? 'color' : 'text' };
    else if (name === 'theme') control = { control: 'select', options: ['light', 'dark', 'auto'] };
    else if (name === 'headingLevel' || name === 'heading-level') control = { control: { type: 'number', min: 2, max: 6, step: 1 } };
    else if (name === 'config') control = { control: 'object' };
    else if (category === 'attributes' || category === 'properties') control = { control: 'text' };
    out[name] = control && !('control' in argType) ? { ...argType, ...control } : argType;
  }
  return out;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  argTypesEnhancers: [careControls],
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
    controls: { expanded: true },
    docs: { toc: true },
    options: {
      storySort: { order: ['Docs', ['Introduction', 'Embedding', 'Theming', 'Playground', 'Config errors'], 'Widgets'] },
    },
  },
};

export default preview;
