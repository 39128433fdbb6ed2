// The all-in-one bundle: defines every CareCircle tag (each once, even if loaded twice). It calls `define`
// itself rather than importing the per-tag modules for their side effects: package.json `sideEffects` names
// only built files, so a bundler may drop a source module imported for its effects alone.
import { define } from '../core/define.js';
import { CareHashtagFeed } from '../widgets/hashtag-feed/hashtag-feed.js';
import { CareSupportGroups } from '../widgets/support-groups/support-groups.js';
import { CareChatSchedule } from '../widgets/chat-schedule/chat-schedule.js';

define('care-hashtag-feed', CareHashtagFeed);
define('care-support-groups', CareSupportGroups);
define('care-chat-schedule', CareChatSchedule);

// The tags' entries in HTMLElementTagNameMap.
export type {} from './care-hashtag-feed.js';
export type {} from './care-support-groups.js';
export type {} from './care-chat-schedule.js';
