// Every widget's schema by tag: the build writes dist/schema/<tag>.schema.json from these.
import { hashtagFeedSchema } from './widgets/hashtag-feed/hashtag-feed.schema.js';
import { supportGroupsSchema } from './widgets/support-groups/support-groups.schema.js';
import { chatScheduleSchema } from './widgets/chat-schedule/chat-schedule.schema.js';

export const schemas = {
  'care-hashtag-feed': hashtagFeedSchema,
  'care-support-groups': supportGroupsSchema,
  'care-chat-schedule': chatScheduleSchema,
};
