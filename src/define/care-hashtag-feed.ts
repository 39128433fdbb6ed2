import { define } from '../core/define.js';
import { CareHashtagFeed } from '../widgets/hashtag-feed/hashtag-feed.js';

define('care-hashtag-feed', CareHashtagFeed);

declare global {
  interface HTMLElementTagNameMap {
    'care-hashtag-feed': CareHashtagFeed;
  }
}
