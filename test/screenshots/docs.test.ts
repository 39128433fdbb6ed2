// Screenshots of the docs stories (stories/docs/*.stories.ts; see ./shots.ts). The clock is frozen first.
import './clock.js';
import * as theming from '../../stories/docs/theming.stories.js';
import * as configErrors from '../../stories/docs/config-errors.stories.js';
import * as playground from '../../stories/docs/playground.stories.js';
import { screenshotStories } from './shots.js';

screenshotStories('docs/theming', theming);
screenshotStories('docs/config-errors', configErrors);
screenshotStories('docs/playground', playground);
