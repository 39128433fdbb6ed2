// Screenshots of every stories/hashtag-feed.stories.ts story (see ./shots.ts), and Loaded in Arabic and
// Simplified Chinese. The clock is frozen first.
import './clock.js';
import * as stories from '../../stories/hashtag-feed.stories.js';
import { screenshotStories } from './shots.js';

screenshotStories('hashtag-feed', stories, 'Loaded');
