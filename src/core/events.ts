import type { ConfigIssue } from './config/issues.js';

const init: EventInit = { bubbles: true, composed: true };

/** Fired once, when a widget first renders its content (after config and data are ready). */
export class CareReadyEvent extends Event {
  static readonly type = 'care-ready';
  constructor() {
    super(CareReadyEvent.type, init);
  }
}

/**
 * Fired when the config has problems; `detail.issues` lists every problem by path. `detail.recovered` is
 * true when the widget still shows content without the bad items or fields (they are in the list), false
 * when the config is invalid or cannot be loaded and the widget shows its fallback.
 */
export class CareConfigErrorEvent extends Event {
  static readonly type = 'care-config-error';
  readonly detail: { issues: ConfigIssue[]; recovered: boolean };
  constructor(issues: ConfigIssue[], recovered = false) {
    super(CareConfigErrorEvent.type, init);
    this.detail = { issues, recovered };
  }
}

export interface SourceErrorDetail {
  /** The source that failed, e.g. `mastodon`, `snapshot`, `hsds`. */
  source: string;
  /** Where it was fetched from, when it has a URL. */
  url?: string;
  /** HTTP status when there was one. */
  status?: number;
  /** Plain-language reason. */
  message: string;
}

/** Fired when a data source fails; the rest of the widget keeps working. */
export class CareSourceErrorEvent extends Event {
  static readonly type = 'care-source-error';
  readonly detail: SourceErrorDetail;
  constructor(detail: SourceErrorDetail) {
    super(CareSourceErrorEvent.type, init);
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-ready': CareReadyEvent;
    'care-config-error': CareConfigErrorEvent;
    'care-source-error': CareSourceErrorEvent;
  }
}
