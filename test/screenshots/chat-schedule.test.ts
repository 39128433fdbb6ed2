// Screenshots of every stories/chat-schedule.stories.ts story (see ./shots.ts), and WeekOfChats in Arabic and
// Simplified Chinese. The clock is frozen first.
import './clock.js';
import * as stories from '../../stories/chat-schedule.stories.js';
import { screenshotStories } from './shots.js';

screenshotStories('chat-schedule', stories, 'WeekOfChats');
