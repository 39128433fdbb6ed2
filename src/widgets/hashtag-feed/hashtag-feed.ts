import { html } from 'lit';
import { CareElement } from '../../core/care-element.js';
import { hashtagFeedSchema, type HashtagFeedConfig } from './hashtag-feed.schema.js';

/**
 * @summary A moderated, safe, accessible hashtag feed (work in progress).
 * @slot - fallback content shown until the widget renders
 */
export class CareHashtagFeed extends CareElement<HashtagFeedConfig> {
  protected readonly schema = hashtagFeedSchema;
  protected override readonly skippable = ['sources.*.posts'];
  protected renderContent(config: HashtagFeedConfig) {
    return html`<div role="feed" aria-label=${'#' + config.hashtag.replace(/^#/, '')}></div>`;
  }
}
