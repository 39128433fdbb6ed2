// A feed taken off the page (a single-page app changing route, a CMS preview re-rendering) does no more work: the
// warm-up of its date formatters, queued while its posts are on their way, is cancelled with everything else.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/care-hashtag-feed.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { nextTask } from '../../../src/core/tasks.js';
import { mockFetch, type FetchMock } from './helpers.js';

type Ctor = new (...args: never[]) => object;
const real = { date: Intl.DateTimeFormat, relative: Intl.RelativeTimeFormat };
let mock: FetchMock | undefined;
afterEach(() => {
  mock?.restore();
  mock = undefined;
  Object.assign(Intl, { DateTimeFormat: real.date, RelativeTimeFormat: real.relative });
});

/** Records every Intl date or relative-time formatter built from now on, by its locale. */
function spyFormatters(): string[] {
  const built: string[] = [];
  const spy = <C extends Ctor>(name: string, Real: C) =>
    new Proxy(Real, {
      construct(target, args: unknown[]) {
        built.push(`${name} ${String(args[0])}`);
        return Reflect.construct(target, args) as object;
      },
    });
  Object.assign(Intl, { DateTimeFormat: spy('DateTimeFormat', real.date), RelativeTimeFormat: spy('RelativeTimeFormat', real.relative) });
  return built;
}

describe('a disconnected feed', () => {
  it('does not warm up its date formatters after it has left the page', async () => {
    let asked = false;
    // The warm-up is queued just before the first request: the feed leaves the page as that request goes out, in the
    // same task, so the warm-up has not run yet. The request never answers.
    mock = mockFetch(() => {
      asked = true;
      document.querySelector('care-hashtag-feed')!.remove();
      return new Promise<Response>(() => {});
    });
    const built = spyFormatters();
    // A locale no other test formats in, so nothing of it is cached.
    const el = await fixture<CareHashtagFeed>(
      html`<care-hashtag-feed
        lang="en-NZ"
        .config=${{ hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: 'https://mastodon.example' }] }}
      ></care-hashtag-feed>`,
    );
    while (!asked) await nextTask();
    expect(el.isConnected).to.equal(false);
    // Tasks of one priority run in the order they were queued: after two of ours, the warm-up would have run.
    await nextTask();
    await nextTask();
    expect(built.filter((b) => b.endsWith('en-NZ'))).to.deep.equal([]);
  });

  it('still warms them up while it is on the page', async () => {
    mock = mockFetch(() => new Promise<Response>(() => {}));
    const built = spyFormatters();
    await fixture(
      html`<care-hashtag-feed
        lang="en-AU"
        .config=${{ hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: 'https://mastodon.example' }] }}
      ></care-hashtag-feed>`,
    );
    while (!mock.calls.length) await nextTask();
    await nextTask();
    await nextTask();
    expect(built).to.include.members(['DateTimeFormat en-AU', 'RelativeTimeFormat en-AU']);
  });
});
