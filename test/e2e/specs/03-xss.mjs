// The XSS corpus (test/e2e/xss-corpus.json) through every field that reaches the DOM: nothing runs
// (page tripwire, dialogs), nothing script-capable renders, and the safe text around each payload stays.
import { describe, test, env, assert, DIST, json, shadowText, waitEvent } from '../lib/harness.mjs';
import { element, clickEverything } from '../lib/widgets.mjs';
import { corpus, urlPayloads, markupPayloads, visible, markKnownScripts, assertSafe, assertMarkers, provoke } from '../lib/xss.mjs';
import { post, status, bskyItem, group, chat, MASTODON, BSKY, FEED_URI } from '../lib/data.mjs';
import ICAL from 'ical.js';

const open = async (t, body, { query = '' } = {}) => {
  const page = await t.page();
  const url = env.server.add(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>xss</title><script type="module" src="${DIST.all}"></script></head><body>${body}</body></html>`,
  );
  await page.goto(url + query);
  await markKnownScripts(page);
  return page;
};

const ready = (page, id) => waitEvent(page, 'care-ready', id, 10000);

describe('xss', () => {
  describe('hashtag feed', () => {
    test(
      'curated posts: text, author name, handle, alt text, content warning',
      async (t) => {
        const list = markupPayloads.map((p) =>
          post(p.i, {
            text: `SAFE${p.i} ${p.payload}`,
            author: {
              name: `NAME${p.i} ${p.payload}`,
              handle: `@u${p.i}@h.example ${p.payload}`.slice(0, 200),
              url: `https://h.example/@u${p.i}`,
            },
            media: [{ url: `https://media.example/${p.i}.png`, alt: `ALT${p.i} ${p.payload}`, type: 'image' }],
            ...(p.i % 3 === 0 ? { contentWarning: `CW${p.i} ${p.payload}` } : {}),
          }),
        );
        const page = await open(t, element('feed', { config: { hashtag: 'bcsm', limit: 100, sources: [{ type: 'posts', posts: list }] } }));
        await ready(page, 'feed');
        await clickEverything(page, '#feed', { max: 120, skip: /load more/ });
        await assertSafe(page, '#feed');
        const text = await shadowText(page, '#feed');
        assertMarkers(text, markupPayloads, 'SAFE', 'post text');
        assertMarkers(text, markupPayloads, 'NAME', 'author name');
        assertMarkers(text, markupPayloads, 'ALT', 'image alt text');
        assertMarkers(
          text,
          markupPayloads.filter((p) => p.i % 3 === 0),
          'CW',
          'content warning',
        );
        // Plain-text fields keep the whole payload as text (nothing but invisible controls dropped).
        const seen = visible(text);
        const lost = markupPayloads.filter((p) => p.kind !== 'long' && !seen.includes(visible(`NAME${p.i} ${p.payload}`))).map((p) => p.id);
        assert.deepEqual(lost, [], 'author names shown exactly as text');
      },
      { timeout: 90000 },
    );

    test(
      'curated posts: HTML field keeps safe text and drops only the dangerous parts',
      async (t) => {
        const list = markupPayloads.map((p) => post(p.i, { text: undefined, html: `<p>SAFE${p.i} ${p.payload} TAIL${p.i}</p>` }));
        const page = await open(t, element('feed', { config: { hashtag: 'bcsm', limit: 100, sources: [{ type: 'posts', posts: list }] } }));
        await ready(page, 'feed');
        await assertSafe(page, '#feed');
        const text = await shadowText(page, '#feed');
        assertMarkers(text, markupPayloads, 'SAFE', 'html before the payload');
        // Text after a payload survives, except where HTML's own parsing rules put it inside the dangerous
        // part: an unclosed comment or tag, raw-text <script>/<style>, CDATA, or an unclosed <svg>/<math>/<audio> (dropped whole).
        const swallowing =
          /^(broken-comment|broken-unterminated|broken-double-lt|broken-cdata|script-|css-import|svg-onload|svg-animate-onbegin|audio-onerror|mxss-math-style|mxss-form-math)$|^script-/;
        assertMarkers(
          text,
          markupPayloads.filter((p) => !swallowing.test(p.id)),
          'TAIL',
          'html after the payload',
        );
        const links = await page.evaluate(() =>
          __e2e.deep('a', document.querySelector('#feed').shadowRoot).map((a) => ({ href: a.getAttribute('href'), rel: a.rel })),
        );
        const ugc = links.filter((l) => l.href?.startsWith('https://ok.example'));
        assert.ok(ugc.length > 0, 'safe links in post HTML are kept');
        for (const l of ugc) assert.match(l.rel, /noopener/, `rel on ${l.href}`);
      },
      { timeout: 90000 },
    );

    test(
      'curated posts: dangerous URLs in post, author, avatar and media never become links or images',
      async (t) => {
        const list = urlPayloads.flatMap((p) => [
          post(p.i * 10, { url: p.payload, text: `URLPOST${p.i}` }),
          post(p.i * 10 + 1, { author: { name: `AUTHOR${p.i}`, handle: `@a${p.i}@h.example`, url: p.payload }, text: 'author url' }),
          post(p.i * 10 + 2, {
            author: { name: `AVATAR${p.i}`, handle: `@b${p.i}@h.example`, url: 'https://h.example/b', avatar: p.payload },
            text: 'avatar',
          }),
          post(p.i * 10 + 3, { text: `MEDIA${p.i}`, media: [{ url: p.payload, alt: 'x', type: 'image' }] }),
        ]);
        const page = await open(
          t,
          element('feed', { config: { hashtag: 'bcsm', limit: 100, sources: [{ type: 'posts', posts: [post(9999), ...list] }] } }),
        );
        await ready(page, 'feed');
        await assertSafe(page, '#feed');
        assert.ok((await shadowText(page, '#feed')).includes('Nurse 9999'), 'the good post still renders');
      },
      { timeout: 90000 },
    );

    test(
      'mastodon source: hostile content, display names, alt text, spoilers and URLs',
      async (t) => {
        const page = await t.page();
        const list = corpus.map((p) =>
          status(p.i, {
            over: {
              content: `<p>SAFE${p.i} ${p.payload}</p>`,
              ...(p.i % 4 === 0 ? { sensitive: true, spoiler_text: `CW${p.i} ${p.payload}` } : {}),
              ...(p.kind === 'url' ? { url: p.payload } : {}),
              media_attachments: [
                {
                  id: String(p.i),
                  type: 'image',
                  url: p.kind === 'url' ? p.payload : `https://files.example/${p.i}.png`,
                  preview_url: p.kind === 'url' ? p.payload : `https://files.example/${p.i}s.png`,
                  description: `ALT${p.i} ${p.payload}`,
                },
              ],
            },
            account: {
              display_name: `NAME${p.i} ${p.payload}`,
              ...(p.i % 5 === 1 && p.kind === 'url' ? { url: p.payload, avatar_static: p.payload } : {}),
            },
          }),
        );
        await page.context().route(`${MASTODON}/api/v1/timelines/tag/**`, (r) => json(r, list));
        const url = env.server.add(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>xss</title><script type="module" src="${DIST.feed}"></script></head><body>${element('feed', { config: { hashtag: 'bcsm', limit: 100, sources: [{ type: 'mastodon', instance: MASTODON }] } })}</body></html>`,
        );
        await page.goto(url);
        await markKnownScripts(page);
        await ready(page, 'feed');
        await clickEverything(page, '#feed', { max: 120, skip: /load more/ });
        await assertSafe(page, '#feed');
        const text = await shadowText(page, '#feed');
        const safeUrls = markupPayloads;
        assertMarkers(text, safeUrls, 'SAFE', 'status content');
        assertMarkers(text, safeUrls, 'NAME', 'display name');
        assertMarkers(text, safeUrls, 'ALT', 'media description');
        assertMarkers(
          text,
          safeUrls.filter((p) => p.i % 4 === 0),
          'CW',
          'spoiler text',
        );
      },
      { timeout: 90000 },
    );

    test(
      'snapshot source: hostile posts from a file',
      async (t) => {
        const page = await t.page();
        const list = corpus.map((p) =>
          post(p.i, {
            text: undefined,
            html: `<p>SAFE${p.i} ${p.payload}</p>`,
            author: {
              name: `NAME${p.i} ${p.payload}`,
              handle: `@s${p.i}@h.example`,
              url: p.kind === 'url' ? p.payload : 'https://h.example/s',
            },
          }),
        );
        await page.context().route('https://cdn.example/snap.json', (r) => json(r, { generatedAt: new Date().toISOString(), posts: list }));
        const body = element('feed', {
          config: { hashtag: 'bcsm', limit: 100, sources: [{ type: 'snapshot', url: 'https://cdn.example/snap.json' }] },
        });
        const url = env.server.add(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>xss</title><script type="module" src="${DIST.feed}"></script></head><body>${body}</body></html>`,
        );
        await page.goto(url);
        await markKnownScripts(page);
        await ready(page, 'feed');
        await assertSafe(page, '#feed');
        const text = await shadowText(page, '#feed');
        assertMarkers(text, markupPayloads, 'SAFE', 'snapshot post html');
        assertMarkers(text, markupPayloads, 'NAME', 'snapshot author name');
      },
      { timeout: 90000 },
    );

    test(
      'bluesky feed: hostile text, display names and facet links',
      async (t) => {
        const page = await t.page();
        const enc = new TextEncoder();
        const feed = corpus.map((p) => {
          const text = `SAFE${p.i} ${p.payload}`;
          const marker = `SAFE${p.i}`;
          const uri = p.kind === 'url' ? p.payload : urlPayloads[p.i % urlPayloads.length].payload;
          return bskyItem(p.i, {
            text,
            facets: [
              { index: { byteStart: 0, byteEnd: enc.encode(marker).length }, features: [{ $type: 'app.bsky.richtext.facet#link', uri }] },
              { index: { byteStart: 0, byteEnd: 2 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'javascript:__pwn()' }] },
            ],
            // A hostile avatar makes the whole post invalid (skipped): only some posts carry one.
            author: { displayName: `NAME${p.i} ${p.payload}`, ...(p.i % 5 === 1 && p.kind === 'url' ? { avatar: p.payload } : {}) },
          });
        });
        await page.context().route(`${BSKY}/xrpc/app.bsky.feed.getFeed**`, (r) => json(r, { feed }));
        const url = env.server.add(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>xss</title><script type="module" src="${DIST.feed}"></script></head><body>${element('feed', { config: { hashtag: 'bcsm', limit: 100, sources: [{ type: 'bluesky-feed', feed: FEED_URI, service: BSKY }] } })}</body></html>`,
        );
        await page.goto(url);
        await markKnownScripts(page);
        await ready(page, 'feed');
        await assertSafe(page, '#feed');
        const text = await shadowText(page, '#feed');
        const kept = corpus.filter((p) => !(p.i % 5 === 1 && p.kind === 'url'));
        assertMarkers(text, kept, 'SAFE', 'post text (a dangerous facet link drops the link, not the text)');
        assertMarkers(text, kept, 'NAME', 'display name');
      },
      { timeout: 90000 },
    );
  });

  describe('config text', () => {
    // Editor-supplied text that reaches the DOM: message overrides (with their {params}), the feed's
    // disclaimer and role badges, the chat heading, the help line. A compromised CMS must not run script.
    const evil = (k) => `MSG${k} <img src=x onerror=__pwn()> <script>__pwn()</script> {count} {zone} {name} {tag} {text}`;
    const keys = {
      feed: ['feed', 'disclaimer', 'more', 'show', 'hide', 'cw', 'sensitive', 'noAlt', 'empty', 'consent', 'consentNote', 'loading'],
      groups: ['searchLabel', 'searchHint', 'nearLabel', 'anywhere', 'useLocation'],
      chat: ['zone', 'today', 'tomorrow', 'ownTime', 'join', 'liveText', 'startsIn', 'cancelled'],
    };
    test(
      'message overrides, disclaimer, roles, heading and help line render as text',
      async (t) => {
        const messages = (w) => Object.fromEntries(keys[w].map((k, i) => [k, evil(i)]));
        const feedPosts = [post(1, { contentWarning: 'cw', media: [{ url: 'https://m.example/a.png', type: 'image' }] }), post(2)];
        const body = [
          element('feed', {
            config: {
              hashtag: 'bcsm',
              sources: [{ type: 'posts', posts: feedPosts }],
              disclaimer: `DISCLAIMER ${corpus[0].payload} ${corpus[7].payload}`,
              roles: { '@nurse2@social.example': `ROLE <img src=x onerror=__pwn()>` },
              messages: messages('feed'),
            },
          }),
          element('groups', {
            config: {
              groups: [group(1)],
              helpLine: { label: `HELP <svg onload=__pwn()>`, phone: '13 11 20' },
              messages: messages('groups'),
            },
          }),
          element('chat', { config: { chats: [chat(1)], heading: `HEADING <img src=x onerror=__pwn()>`, messages: messages('chat') } }),
        ].join('');
        const page = await open(t, body);
        for (const id of ['feed', 'groups', 'chat']) await ready(page, id);
        for (const id of ['feed', 'groups', 'chat']) await assertSafe(page, `#${id}`);
        const feed = await shadowText(page, '#feed');
        assert.match(feed, /DISCLAIMER <script>__pwn\(\)<\/script>/, 'the disclaimer is shown as text');
        assert.match(feed, /ROLE <img src=x onerror=__pwn\(\)>/, 'the role badge is shown as text');
        assert.match(feed, /MSG\d+ <img src=x onerror=__pwn\(\)>/, 'message overrides are shown as text');
        assert.match(await shadowText(page, '#chat'), /HEADING <img/, 'the chat heading is text');
        assert.match(await shadowText(page, '#groups'), /MSG\d+ <img/, 'group message overrides are text');
      },
      { timeout: 90000 },
    );
  });

  describe('support groups', () => {
    test(
      'every text field of a group, help line and places; JSON-LD stays data',
      async (t) => {
        const list = corpus.map((p) =>
          group(p.i, {
            name: `NAME${p.i} ${p.payload}`,
            description: `DESC${p.i} ${p.payload}`,
            organization: `ORG${p.i} ${p.payload}`,
            cancerTypes: [`breast`, `TYPE${p.i} ${p.payload}`.slice(0, 300)],
            accessibility: `ACCESS${p.i} ${p.payload}`,
            schedule: `WHEN${p.i} ${p.payload}`,
            location: {
              address: `ADDR${p.i} ${p.payload}`,
              suburb: `Westmead ${p.payload}`.slice(0, 300),
              postcode: '2145',
              state: 'NSW',
              country: 'AU',
              lat: -33.8,
              lon: 150.99,
            },
            contact: {
              phone: p.payload.slice(0, 200),
              email: p.payload.slice(0, 200),
              ...(p.kind === 'url' ? {} : { url: 'https://ok.example/g' }),
            },
          }),
        );
        const config = {
          groups: list,
          pageSize: 200,
          jsonLd: true,
          helpLine: { label: `HELP ${corpus[0].payload}`, phone: corpus[20].payload },
          places: [{ name: corpus[7].payload, postcode: '2145', lat: -33.8, lon: 150.99 }],
        };
        const page = await open(t, element('groups', { config }));
        await ready(page, 'groups');
        await assertSafe(page, '#groups');
        const text = await shadowText(page, '#groups');
        for (const m of ['NAME', 'DESC', 'ORG', 'ACCESS']) assertMarkers(text, corpus, m, m.toLowerCase());
      },
      { timeout: 90000 },
    );

    test(
      'HSDS import: hostile service, organisation, address, phone, schedule and attribute text',
      async (t) => {
        const page = await t.page();
        const services = corpus.map((p) => ({
          id: `svc-${p.i}`,
          name: `NAME${p.i} ${p.payload}`,
          description: `DESC${p.i} ${p.payload}`,
          status: 'active',
          url: p.kind === 'url' ? p.payload : 'https://ok.example/s',
          email: p.payload.slice(0, 200),
          organization: { id: `o${p.i}`, name: `ORG${p.i} ${p.payload}`, website: p.payload },
          phones: [{ id: `ph${p.i}`, number: p.payload.slice(0, 200), type: 'voice' }],
          languages: [{ id: 'l', name: p.payload, code: p.payload.slice(0, 50) }],
          attributes: [{ id: `a${p.i}`, taxonomy_term: { id: 't', name: p.payload.slice(0, 100), taxonomy: 'cancer type' } }],
          service_at_locations: [
            {
              id: `sal${p.i}`,
              location: {
                id: `loc${p.i}`,
                location_type: 'physical',
                name: p.payload,
                latitude: 51.5,
                longitude: -0.1,
                accessibility: [{ id: 'acc', description: `ACCESS${p.i} ${p.payload}` }],
                addresses: [
                  {
                    id: 'ad',
                    address_1: `ADDR${p.i} ${p.payload}`,
                    city: p.payload.slice(0, 100),
                    postal_code: 'AB1',
                    country: 'GB',
                    address_type: 'physical',
                  },
                ],
              },
            },
          ],
          schedules: [
            {
              id: `s${p.i}`,
              freq: 'WEEKLY',
              byday: 'TU',
              dtstart: '2026-01-06',
              opens_at: '18:00',
              closes_at: '19:30',
              description: `WHEN${p.i} ${p.payload}`,
              attending_type: p.payload.slice(0, 100),
            },
          ],
        }));
        await page.context().route(`https://cdn.example/hsds.json`, (r) => json(r, { services }));
        const body = element('groups', {
          config: { groups: [], pageSize: 200, hsds: { url: 'https://cdn.example/hsds.json', timeZone: 'Europe/London' }, jsonLd: true },
        });
        const url = env.server.add(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>xss</title><script type="module" src="${DIST.groups}"></script></head><body>${body}</body></html>`,
        );
        await page.goto(url);
        await markKnownScripts(page);
        await ready(page, 'groups');
        await assertSafe(page, '#groups');
        const text = await shadowText(page, '#groups');
        // A service whose website is not http(s) fails validation and is skipped whole (listed for editors).
        for (const m of ['NAME', 'DESC', 'ORG']) assertMarkers(text, markupPayloads, m, `HSDS ${m.toLowerCase()}`);
      },
      { timeout: 90000 },
    );

    test(
      'dangerous contact URLs are not links; a hostile query in the search box and the page URL stays text',
      async (t) => {
        const list = [
          group(0),
          ...urlPayloads.map((p) => group(p.i, { contact: { phone: '+61 2 9999 0000', url: p.payload, email: p.payload } })),
        ];
        const query = '?q=' + encodeURIComponent('<img src=x onerror=__pwn()>"><svg onload=__pwn()>');
        const page = await open(t, element('groups', { config: { groups: list, pageSize: 200 } }), { query });
        await ready(page, 'groups');
        await assertSafe(page, '#groups');
        const search = page.locator('#groups input[type="search"]');
        for (const p of markupPayloads.slice(0, 25)) {
          await search.fill(p.payload.slice(0, 500), { timeout: 3000 });
          await page.waitForTimeout(20);
        }
        await assertSafe(page, '#groups');
        assert.ok((await shadowText(page, '#groups')).length > 0);
      },
      { timeout: 90000 },
    );
  });

  describe('chat schedule', () => {
    const hostile = () =>
      markupPayloads.map((p) =>
        chat(p.i, {
          id: `c${p.i}`,
          title: `TITLE${p.i} ${p.payload}`,
          description: `DESC${p.i} ${p.payload}`,
          hosts: [`HOST${p.i} ${p.payload}`.slice(0, 500)],
          hashtag: `tag${p.i}`,
          topics: { '2026-12-07': `TOPIC${p.i} ${p.payload}` },
        }),
      );

    test(
      'titles, descriptions, hosts and topics render as text',
      async (t) => {
        const page = await open(t, element('chat', { config: { chats: hostile(), show: 100, timeZone: 'UTC' } }));
        await ready(page, 'chat');
        await assertSafe(page, '#chat');
        const text = await shadowText(page, '#chat');
        assertMarkers(text, markupPayloads, 'TITLE', 'chat title');
      },
      { timeout: 90000 },
    );

    test(
      'dangerous chat URLs never become links (config error or plain text)',
      async (t) => {
        const body = urlPayloads
          .map((p) => element('chat', { id: `u${p.i}`, config: { chats: [chat(p.i, { url: p.payload })] } }))
          .join('\n');
        const page = await open(t, body);
        await page.waitForFunction(
          (n) => __e2e.events.filter((e) => e.type === 'care-ready' || e.type === 'care-config-error').length >= n,
          urlPayloads.length,
          { timeout: 10000 },
        );
        await provoke(page, 'body');
        for (const p of urlPayloads) await assertSafe(page, `#u${p.i}`, { poke: false });
      },
      { timeout: 90000 },
    );

    test(
      '.ics files escape hostile text: every property round-trips through ical.js, no injected lines',
      async (t) => {
        const list = hostile();
        const page = await open(t, element('chat', { config: { chats: list, show: 100, timeZone: 'UTC' } }));
        await ready(page, 'chat');
        await clickEverything(page, '#chat', { max: 5 }); // opens "Add to calendar" menus if the links are behind one
        // An open menu's links are drawn once the calendar code has loaded: the click below then makes the file at
        // once. (A click before the code has loaded is the chunks spec's own test.)
        await page.waitForFunction(
          () => __e2e.deep('details[open] a[download]', document.querySelector('#chat').shadowRoot).length > 0,
          null,
          {
            timeout: 30000,
          },
        );
        const links = page.locator('#chat a[download]').filter({ visible: true });
        assert.ok((await links.count()) > 0, 'the chat schedule offers .ics downloads');
        const all = links.filter({ hasText: /add all chats/i }).first();
        const t0 = Date.now();
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 30000 }),
          (await all.count()) ? all.click() : links.first().click(),
        ]);
        if (process.env.E2E_VERBOSE) console.log(`      .ics download took ${Date.now() - t0} ms`);
        const path = await download.path();
        const { readFile } = await import('node:fs/promises');
        const ics = await readFile(path, 'utf8');
        // RFC 5545: CRLF line ends, lines of at most 75 octets.
        const lines = ics.split('\r\n');
        assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
        const long = lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75);
        assert.deepEqual(
          long.map((l) => l.slice(0, 30)),
          [],
          'lines longer than 75 octets',
        );
        const unfolded = ics.replace(/\r\n[ \t]/g, '');
        const injected = unfolded.split('\r\n').filter((l) => /^(ATTACH|SUMMARY:injected)/.test(l));
        assert.deepEqual(injected, [], 'hostile text injected iCalendar properties');
        const comp = new ICAL.Component(ICAL.parse(ics));
        const vevents = comp.getAllSubcomponents('vevent');
        const expected = (await all.count()) ? list : list.slice(0, 1);
        assert.equal(vevents.length, expected.length, 'one VEVENT per chat');
        // TEXT cannot hold a bare CR (RFC 5545 §3.3.11): CRLF and CR read back as a line break.
        const norm = (s) => String(s ?? '').replace(/\r\n?/g, '\n');
        const byTitle = new Map(vevents.map((v) => [norm(v.getFirstPropertyValue('summary')), v]));
        const wrong = expected.filter((c) => !byTitle.has(norm(c.title))).map((c) => c.id);
        assert.deepEqual(wrong, [], 'SUMMARY differs from the chat title');
        const descOk = expected
          .filter((c) => !norm(byTitle.get(norm(c.title))?.getFirstPropertyValue('description')).includes(norm(c.description)))
          .map((c) => c.id);
        assert.deepEqual(descOk, [], 'DESCRIPTION lost the chat description');
        await assertSafe(page, '#chat');
      },
      { timeout: 90000 },
    );

    test(
      'Google and Outlook links are https and carry the title as data',
      async (t) => {
        const list = hostile().slice(0, 20);
        const page = await open(t, element('chat', { config: { chats: list, show: 40, timeZone: 'UTC' } }));
        await ready(page, 'chat');
        // Each menu is rendered when first opened: open them all.
        await page.evaluate(() => {
          for (const d of document.querySelector('#chat').shadowRoot.querySelectorAll('details.calendar')) d.open = true;
        });
        await page.waitForFunction(
          (n) => document.querySelector('#chat').shadowRoot.querySelectorAll('details.calendar a[href^="https:"]').length >= n,
          list.length * 2,
        );
        const hrefs = await page.evaluate(() =>
          __e2e
            .deep('a', document.querySelector('#chat').shadowRoot)
            .map((a) => a.getAttribute('href'))
            .filter((h) => /google|outlook|live\.com/i.test(h || '')),
        );
        assert.ok(hrefs.length >= list.length, `calendar links for every chat (found ${hrefs.length})`);
        for (const h of hrefs) {
          const u = new URL(h);
          assert.equal(u.protocol, 'https:');
          const params = [...u.searchParams.values()].join(' ');
          assert.ok(/TITLE\d+/.test(params), `the title travels as a parameter: ${h.slice(0, 120)}`);
        }
      },
      { timeout: 90000 },
    );
  });
});
