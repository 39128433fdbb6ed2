// A page's language switched while a widget's first load is on its way: a config with per-language texts is
// configured again, and only the newest configuration's answer may be shown (the older one's must not blank the
// feed with "No posts yet", nor put a finder's feed groups back in the old language).
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/care-hashtag-feed.js';
import '../../src/define/care-support-groups.js';
import { features, type CareSupportGroups } from '../../src/widgets/support-groups/support-groups.js';
import { lazy } from '../../src/core/lazy.js';
import { json, mockFetch } from '../widgets/hashtag-feed/helpers.js';

/** A promise and the function that settles it. */
const gate = <T>() => {
  let open!: (v: T) => void;
  const promise = new Promise<T>((ok) => (open = ok));
  return { promise, open };
};

describe('a page-language switch during the first load', () => {
  it('the feed shows the newest configuration’s posts, never "No posts yet" in between', async () => {
    const MASTO = 'https://switch.example';
    const status = (id: number) => ({
      id: String(id),
      created_at: new Date(Date.parse('2026-12-01T00:00:00Z') + id * 60000).toISOString(),
      url: `${MASTO}/@nurse/${id}`,
      account: { acct: 'nurse', display_name: 'Nurse Kim', url: `${MASTO}/@nurse` },
      content: `<p>Post ${id}</p>`,
    });
    const answers = [gate<Response>(), gate<Response>()];
    let n = 0;
    const mock = mockFetch(() => answers[n++]?.promise);
    try {
      const page = await fixture<HTMLDivElement>(html`<div lang="en">
        <care-hashtag-feed
          .config=${{
            hashtag: 'bcsm',
            sources: [{ type: 'mastodon', instance: MASTO }],
            disclaimer: { en: 'Public posts, not medical advice.', es: 'Publicaciones públicas, no consejo médico.' },
          }}
        ></care-hashtag-feed>
      </div>`);
      const el = page.querySelector('care-hashtag-feed')!;
      const shadow = () => el.shadowRoot!;
      await waitUntil(() => mock.calls.length === 1, 'the first request was not made', { timeout: 4000 });
      page.lang = 'es';
      await waitUntil(() => mock.calls.length === 2, 'the feed was not configured again', { timeout: 4000 });
      // The first configuration's answer comes: its sources are gone, so nothing of it is shown.
      answers[0]!.open(json([status(1)]));
      await new Promise((r) => setTimeout(r, 100));
      expect(shadow().querySelector('.empty')?.textContent ?? '', 'the empty state').to.equal('');
      expect(shadow().querySelectorAll('article').length).to.equal(0);
      answers[1]!.open(json([status(2), status(1)]));
      await waitUntil(() => shadow().querySelectorAll('article').length === 2, 'the newest answer was not shown', { timeout: 4000 });
      expect(shadow().querySelector('.disclaimer')!.textContent).to.equal('Publicaciones públicas, no consejo médico.');
    } finally {
      mock.restore();
    }
  });

  it('the finder keeps the newest configuration’s feed groups, in the page’s new language', async () => {
    const real = features.hsds;
    const feeds = [gate<unknown[]>(), gate<unknown[]>()];
    let n = 0;
    const { mergeHsds } = await import('../../src/widgets/support-groups/merge-hsds.js');
    const signals: AbortSignal[] = [];
    const fetchHsds = (_url: string, { signal }: { signal: AbortSignal }) => (signals.push(signal), feeds[n++]!.promise);
    features.hsds = lazy(async () => ({ fetchHsds, mergeHsds }) as never);
    try {
      const page = await fixture<HTMLDivElement>(html`<div lang="en">
        <care-support-groups
          .config=${{
            urlState: false,
            hsds: { url: '/groups.hsds.json' },
            groups: [{ id: 'own', name: { en: 'Our group', es: 'Nuestro grupo' }, formats: ['online'] }],
          }}
        ></care-support-groups>
      </div>`);
      const el = page.querySelector<CareSupportGroups>('care-support-groups')!;
      const names = () => [...el.shadowRoot!.querySelectorAll('.group .name')].map((h) => h.textContent!.trim()).sort();
      await waitUntil(() => n === 1, 'the feed was not asked for', { timeout: 4000 });
      page.lang = 'es';
      await waitUntil(() => n === 2, 'the finder was not configured again', { timeout: 4000 });
      // The older configuration's request is called off; the newer one's goes on.
      expect(signals.map((s) => s.aborted)).to.deep.equal([true, false]);
      feeds[1]!.open([{ id: 'feed', name: 'Grupo del directorio', formats: ['online'] }]);
      await waitUntil(() => names().length === 2, 'the newest feed’s group was not shown', { timeout: 4000 });
      // The first configuration's feed answers last: its groups (and its English names) are not put back.
      feeds[0]!.open([{ id: 'feed', name: 'Directory group', formats: ['online'] }]);
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
      expect(names()).to.deep.equal(['Grupo del directorio', 'Nuestro grupo']);
    } finally {
      features.hsds = real;
    }
  });
});
