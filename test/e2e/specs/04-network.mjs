// Network faults for every remote source — Mastodon API, Bluesky getFeed, snapshot url, HSDS url and each
// widget's config `src` — served cross-origin through page.route: a friendly message, the right event,
// no unhandled rejection, the cache where `cache: true`, and sibling widgets unaffected.
import { describe, test, assert, DIST, json, probe, shadowText, waitEvent, events } from '../lib/harness.mjs';
import { WIDGETS, element, expectRendered } from '../lib/widgets.mjs';
import { statuses, bskyFeed, posts, hsdsServices, MASTODON, BSKY, CDN, FEED_URI } from '../lib/data.mjs';

/** Every remote source, with the answer it gives when healthy and what then shows. */
const SOURCES = {
  mastodon: {
    widget: 'feed',
    type: 'mastodon',
    config: { hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: MASTODON }] },
    pattern: `${MASTODON}/api/v1/timelines/tag/**`,
    good: () => statuses(3),
    expect: 'Member 0',
  },
  bluesky: {
    widget: 'feed',
    type: 'bluesky-feed',
    config: { hashtag: 'bcsm', sources: [{ type: 'bluesky-feed', feed: FEED_URI, service: BSKY }] },
    pattern: `${BSKY}/xrpc/app.bsky.feed.getFeed**`,
    good: () => bskyFeed(3),
    expect: 'Sky Member 0',
  },
  snapshot: {
    widget: 'feed',
    type: 'snapshot',
    config: { hashtag: 'bcsm', sources: [{ type: 'snapshot', url: `${CDN}/feeds/bcsm.json` }] },
    pattern: `${CDN}/feeds/bcsm.json`,
    good: () => ({ generatedAt: new Date().toISOString(), posts: posts(3, 50) }),
    expect: 'Nurse 50',
  },
  hsds: {
    widget: 'groups',
    type: 'hsds',
    config: { groups: [], hsds: { url: `${CDN}/hsds/services.json`, timeZone: 'Europe/London' } },
    pattern: `${CDN}/hsds/services.json`,
    good: () => hsdsServices(2),
    expect: 'HSDS counselling service 0',
  },
  'feed src': {
    widget: 'feed',
    src: `${CDN}/config/feed.json`,
    pattern: `${CDN}/config/feed.json`,
    good: () => WIDGETS.feed.config(),
    expect: 'Nurse 0',
  },
  'groups src': {
    widget: 'groups',
    src: `${CDN}/config/groups.json`,
    pattern: `${CDN}/config/groups.json`,
    good: () => WIDGETS.groups.config(),
    expect: WIDGETS.groups.expect[0],
  },
  'chat src': {
    widget: 'chat',
    src: `${CDN}/config/chat.json`,
    pattern: `${CDN}/config/chat.json`,
    good: () => WIDGETS.chat.config(),
    expect: WIDGETS.chat.expect[0],
  },
};

const cors = { 'access-control-allow-origin': '*' };
/** Each fault as a route handler; `hang` never answers (the widget's own timeout must end it). */
const FAULTS = {
  'HTTP 500': (route) => json(route, { error: 'Internal Server Error' }, { status: 500 }),
  'HTTP 401': (route) => json(route, { error: 'This API requires an authenticated user' }, { status: 401 }),
  'HTTP 404': (route) => json(route, { error: 'Record not found' }, { status: 404 }),
  'HTTP 429 with Retry-After': (route) => json(route, { error: 'Too many requests' }, { status: 429, headers: { 'retry-after': '120' } }),
  'malformed JSON': (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', headers: cors, body: '{"posts": [{"id": "1", ' }),
  'wrong content type': (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: cors,
      body: '<!doctype html><title>Sign in</title><p>Please sign in</p>',
    }),
  // Playwright adds Access-Control-Allow-Origin to fulfilled cross-origin responses that lack one, so the
  // failure is a server that allows another site only — the browser blocks the answer all the same.
  'CORS failure (Access-Control-Allow-Origin for another site)': (route, src) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': 'https://another-hospital.example' },
      body: JSON.stringify(src.good()),
    }),
  timeout: () => {},
};

const FRIENDLY =
  /could not|couldn.t|can.t|cannot|unable|not available|unavailable|problem|try again|later|does not share|not share|login|log in|sign in|wait|too many|took too long|not found|not valid|expected json|error|offline|blocked/i;
const TECHNICAL = /TypeError|SyntaxError|ReferenceError|\bundefined\b|\[object|NaN|Unexpected token|at [\w.]+ \(|Failed to fetch/;

const sourceElement = (name, s) =>
  s.src
    ? element(s.widget, { id: slug(name), config: null, attrs: `src="${s.src}"` })
    : element(s.widget, { id: slug(name), config: s.config });
const slug = (name) => name.replace(/\W+/g, '-');
const siblings = () =>
  [element('feed', { id: 'ok-feed' }), element('groups', { id: 'ok-groups' }), element('chat', { id: 'ok-chat' })].join('\n');

async function faultPage(t, fault, names = Object.keys(SOURCES)) {
  const page = await t.page();
  const handler = FAULTS[fault];
  for (const name of names) await page.context().route(SOURCES[name].pattern, (route) => handler(route, SOURCES[name]));
  const body = `<main>${names.map((n) => sourceElement(n, SOURCES[n])).join('\n')}</main><aside>${siblings()}</aside>`;
  await t.open(page, { modules: [DIST.all], body });
  return page;
}

/** What each source's element did about the fault: the problems found, by source. */
async function checkFault(page, names, fault) {
  const problems = [];
  for (const name of names) {
    const s = SOURCES[name];
    const id = slug(name);
    const expected = s.src ? ['care-config-error', 'care-source-error'] : ['care-source-error'];
    try {
      await page.waitForFunction(([id, types]) => __e2e.events.some((e) => e.id === id && types.includes(e.type)), [id, expected], {
        timeout: fault === 'timeout' ? 25000 : 6000,
        polling: 100,
      });
    } catch {
      const seen = (await events(page, null, id)).map((e) => e.type);
      problems.push(`${name}: no ${expected.join(' or ')} (events: ${seen.join(', ') || 'none'})`);
      continue;
    }
    const ev = (await events(page, null, id)).find((e) => expected.includes(e.type));
    if (ev.type === 'care-source-error') {
      if (!ev.detail?.message) problems.push(`${name}: care-source-error without a message`);
      if (s.type && ev.detail?.source !== s.type) problems.push(`${name}: detail.source is "${ev.detail?.source}", not "${s.type}"`);
      const status = Number(fault.match(/HTTP (\d+)/)?.[1]);
      if (status && ev.detail?.status !== status) problems.push(`${name}: detail.status is ${ev.detail?.status}, not ${status}`);
    }
    // The message renders in the update after the event: give it a moment under load.
    await page
      .waitForFunction(([s, re]) => new RegExp(re, 'i').test(__e2e.text(document.querySelector(s))), [`#${id}`, FRIENDLY.source], {
        timeout: 3000,
        polling: 50,
      })
      .catch(() => {});
    const text = await shadowText(page, `#${id}`);
    if (!FRIENDLY.test(text)) problems.push(`${name}: no friendly message on screen (shows: "${text.slice(0, 160)}")`);
    if (TECHNICAL.test(text)) problems.push(`${name}: technical jargon on screen: "${text.match(TECHNICAL)[0]}"`);
  }
  return problems;
}

async function checkSiblingsAndPage(page) {
  await expectRendered(page, 'feed', { id: 'ok-feed' });
  await expectRendered(page, 'groups', { id: 'ok-groups' });
  await expectRendered(page, 'chat', { id: 'ok-chat' });
  const p = await probe(page);
  assert.deepEqual(p.rejections, [], 'unhandled promise rejections');
  assert.deepEqual(p.errors, [], 'uncaught errors');
  assert.deepEqual(page.t.pageErrors, [], 'page errors');
}

describe('network faults', () => {
  test('healthy sources render (the mocks are right)', async (t) => {
    const page = await t.page();
    for (const [name, s] of Object.entries(SOURCES)) await page.context().route(s.pattern, (route) => json(route, s.good()));
    await t.open(page, {
      modules: [DIST.all],
      body: Object.entries(SOURCES)
        .map(([n, s]) => sourceElement(n, s))
        .join('\n'),
    });
    for (const [name, s] of Object.entries(SOURCES)) await expectRendered(page, s.widget, { id: slug(name), texts: [s.expect] });
  });

  for (const fault of Object.keys(FAULTS)) {
    test(
      `${fault}: every source reports it, shows a friendly message, siblings unaffected`,
      async (t) => {
        const names = Object.keys(SOURCES);
        const page = await faultPage(t, fault, names);
        const problems = await checkFault(page, names, fault);
        await checkSiblingsAndPage(page);
        assert.deepEqual(problems, [], `sources that mishandled "${fault}"`);
      },
      { timeout: fault === 'timeout' ? 60000 : 40000 },
    );
  }

  test('one failing source among healthy ones: the others still show, a notice names the missing one', async (t) => {
    const page = await t.page();
    await page.context().route(SOURCES.mastodon.pattern, (r) => FAULTS['HTTP 500'](r));
    await page.context().route(SOURCES.snapshot.pattern, (r) => json(r, SOURCES.snapshot.good()));
    const config = {
      hashtag: 'bcsm',
      sources: [
        { type: 'mastodon', instance: MASTODON },
        { type: 'snapshot', url: `${CDN}/feeds/bcsm.json` },
        { type: 'posts', posts: posts(2, 70) },
      ],
    };
    await t.open(page, { modules: [DIST.feed], body: element('feed', { config }) });
    await waitEvent(page, 'care-source-error', 'feed');
    const text = await expectRendered(page, 'feed', { texts: ['Nurse 50', 'Nurse 70'] });
    assert.match(text, /mastodon\.example/, 'the notice names the failing server');
  });

  for (const fault of ['HTTP 500', 'CORS failure (Access-Control-Allow-Origin for another site)', 'malformed JSON']) {
    test(`cache: true shows the last good posts with their age when every source fails (${fault})`, async (t) => {
      const page = await t.page();
      const config = { hashtag: 'bcsm', cache: true, sources: [{ type: 'mastodon', instance: MASTODON }] };
      await page.context().route(SOURCES.mastodon.pattern, (r) => json(r, statuses(3)));
      await t.open(page, { modules: [DIST.feed], body: element('feed', { config }) });
      await expectRendered(page, 'feed', { texts: ['Member 0'] });
      await page.context().unroute(SOURCES.mastodon.pattern);
      await page.context().route(SOURCES.mastodon.pattern, (r) => FAULTS[fault](r, SOURCES.mastodon));
      await t.open(page, { modules: [DIST.feed], body: element('feed', { config }) });
      await waitEvent(page, 'care-source-error', 'feed');
      const text = await expectRendered(page, 'feed', { texts: ['Member 0', 'Member 2'] });
      assert.match(text, /saved|cached|ago|minute|hour|second/i, 'the age of the saved posts is shown');
      const p = await probe(page);
      assert.deepEqual(p.rejections, []);
    });
  }

  test('without cache, nothing is stored and a failure shows no old posts', async (t) => {
    const page = await t.page();
    const config = { hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: MASTODON }] };
    await page.context().route(SOURCES.mastodon.pattern, (r) => json(r, statuses(3)));
    await t.open(page, { modules: [DIST.feed], body: element('feed', { config }) });
    await expectRendered(page, 'feed', { texts: ['Member 0'] });
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'localStorage is untouched without cache: true');
    await page.context().unroute(SOURCES.mastodon.pattern);
    await page.context().route(SOURCES.mastodon.pattern, (r) => FAULTS['HTTP 500'](r));
    await t.open(page, { modules: [DIST.feed], body: element('feed', { config }) });
    await waitEvent(page, 'care-source-error', 'feed');
    assert.ok(!(await shadowText(page, '#feed')).includes('Member 0'));
  });

  test('429 Retry-After is honoured and refresh never asks more than once per refreshSeconds', async (t) => {
    const page = await t.page({ clock: true });
    const hits = { mastodon: 0, bluesky: 0 };
    await page
      .context()
      .route(
        SOURCES.mastodon.pattern,
        (r) => (hits.mastodon++, json(r, { error: 'slow down' }, { status: 429, headers: { 'retry-after': '600' } })),
      );
    await page.context().route(SOURCES.bluesky.pattern, (r) => (hits.bluesky++, json(r, bskyFeed(2))));
    const body = [
      element('feed', {
        id: 'limited',
        config: { hashtag: 'bcsm', refreshSeconds: 60, sources: [{ type: 'mastodon', instance: MASTODON }] },
      }),
      element('feed', {
        id: 'steady',
        config: { hashtag: 'bcsm', refreshSeconds: 60, sources: [{ type: 'bluesky-feed', feed: FEED_URI, service: BSKY }] },
      }),
    ].join('');
    await t.open(page, { modules: [DIST.feed], body });
    await waitEvent(page, 'care-source-error', 'limited');
    await waitEvent(page, 'care-ready', 'steady');
    assert.equal(hits.mastodon, 1);
    // Five minutes of refreshes: Mastodon said wait ten, so it is not asked; Bluesky at most once a minute.
    for (let m = 0; m < 5; m++) {
      await page.clock.runFor(60000);
      await page.waitForTimeout(50);
    }
    assert.equal(hits.mastodon, 1, 'no request before Retry-After (600 s) has passed');
    assert.ok(hits.bluesky >= 2 && hits.bluesky <= 6, `Bluesky refreshed ${hits.bluesky} times in 5 minutes at refreshSeconds 60`);
    for (let m = 0; m < 6; m++) {
      await page.clock.runFor(60000);
      await page.waitForTimeout(100);
    }
    assert.ok(hits.mastodon >= 2, 'asked again once Retry-After has passed');
  });
});
