// Screenshots of every stories/support-groups.stories.ts story (see ./shots.ts), and FullList in Arabic and
// Simplified Chinese. The clock is frozen first.
import './clock.js';
import * as stories from '../../stories/support-groups.stories.js';
import { screenshotStories } from './shots.js';

screenshotStories('support-groups', stories, 'FullList');
