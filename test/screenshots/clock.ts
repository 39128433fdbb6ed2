// Freezes the page's clock for the screenshots: `Date.now()` and `new Date()` return one fixed instant,
// while timers keep running (the harness waits with setTimeout and requestAnimationFrame). Import it before
// any story module: the feed's stories compute their posts' times ("6 minutes ago") when they are imported,
// and the support groups show the next meeting from the clock. The instant is the chat stories' own
// default, Monday 2 March 2026, 09:00 in Sydney, so every widget tells the same time.
import { weekStart } from '../../stories/data/chat-schedule.js';
import { freezeDate } from '../helpers/frozen-date.js';

export const FROZEN = Date.parse(weekStart);

freezeDate(FROZEN);
