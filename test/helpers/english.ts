// The English catalogues, by the part of a LocaleBundle each belongs to: what every language file must match. The
// widgets keep theirs on `catalogue`; some English comes with the features that show it: the core's editor's panel
// and why a source failed, the feed's gate and later pages (later.ts), a failed source (failed.ts) and saved posts (cache.ts), the support groups' Near box (near.ts), the chat schedule's calendar menu (calendar.ts).
import '../../src/define/care-chat-schedule.js';
import '../../src/define/care-hashtag-feed.js';
import { coreMessages } from '../../src/core/i18n/messages.js';
import { fetchText } from '../../src/core/i18n/fetch-text.js';
import { panelText } from '../../src/core/config/issue-panel.js';
import { errorMessages } from '../../src/core/config/issues.js';
import { messages as supportGroups } from '../../src/widgets/support-groups/messages.js';
import { laterText } from '../../src/widgets/hashtag-feed/later.js';
import { failedText } from '../../src/widgets/hashtag-feed/failed.js';
import { cacheText } from '../../src/widgets/hashtag-feed/cache.js';
import { nearText } from '../../src/widgets/support-groups/near.js';
import { calendarText } from '../../src/widgets/chat-schedule/calendar.js';

const widgetEnglish = (tag: string) =>
  (document.createElement(tag) as unknown as { catalogue: { en: Record<string, string> } }).catalogue.en;

export const english: Record<string, Record<string, string>> = {
  core: { ...coreMessages.en!, ...panelText, ...fetchText },
  'hashtag-feed': { ...widgetEnglish('care-hashtag-feed'), ...laterText, ...failedText, ...cacheText },
  'support-groups': { ...supportGroups.en!, ...nearText },
  'chat-schedule': { ...widgetEnglish('care-chat-schedule'), ...calendarText },
  errors: errorMessages,
};
