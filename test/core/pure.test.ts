import { expect } from '@open-wc/testing';
import { editDistance, suggest } from '../../src/core/config/zod-issues.js';
import { parseRetryAfter, fetchJson, FetchError } from '../../src/core/fetch.js';
import { createTranslate } from '../../src/core/i18n/messages.js';
import { relativeTime, dateFormat } from '../../src/core/i18n/format.js';

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).to.equal(3);
    expect(editDistance('', 'abc')).to.equal(3);
    expect(editDistance('same', 'same')).to.equal(0);
  });
  it('suggests within two edits only, case-insensitively', () => {
    expect(suggest('hashtg', ['hashtag', 'limit'])).to.equal('hashtag');
    expect(suggest('LIMIT', ['hashtag', 'limit'])).to.equal('limit');
    expect(suggest('refreshSecs', ['refreshSeconds'])).to.equal(undefined);
  });
});

describe('fetchJson', () => {
  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('120')).to.equal(120);
    expect(parseRetryAfter(new Date(Date.now() + 30000).toUTCString())).to.be.within(28, 31);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });
  it('turns HTTP and content problems into plain FetchErrors', async () => {
    const err = await fetchJson('/test/fixtures/core/missing.json').catch((e) => e);
    expect(err).to.be.instanceOf(FetchError);
    expect(err.status).to.equal(404);
    const wrongType = await fetchJson('/test/core/pure.test.ts').catch((e) => e);
    expect(wrongType.message).to.match(/Expected JSON/);
    const ok = await fetchJson<{ title: string }>('/test/fixtures/core/config.json');
    expect(ok.data.title).to.equal('From src');
  });
});

describe('messages and formats', () => {
  it('interpolates and picks plural forms', () => {
    const t = createTranslate('en', [{ en: { n_one: '{count} post', n_other: '{count} posts', hi: 'Hi {who}' } }]);
    expect(t('n', { count: 1 })).to.equal('1 post');
    expect(t('n', { count: 4 })).to.equal('4 posts');
    expect(t('hi', { who: 'Jo' })).to.equal('Hi Jo');
    expect(t('missing')).to.equal('missing');
  });
  it('caches Intl formatters', () => {
    expect(dateFormat('en', { month: 'long' })).to.equal(dateFormat('en', { month: 'long' }));
    expect(relativeTime('en', new Date(Date.now() - 5 * 60000))).to.equal('5 minutes ago');
    expect(relativeTime('en', new Date(Date.now() + 2 * 3600000))).to.equal('in 2 hours');
  });
  it('counts days on the calendar, and weeks or more as time gone by', () => {
    const at = (s: string) => new Date(s); // local times: the browser's own clock
    const now = +at('2026-12-09T08:00');
    expect(relativeTime('en', at('2026-12-08T22:00'), now)).to.equal('10 hours ago');
    expect(relativeTime('en', at('2026-12-08T02:00'), now)).to.equal('yesterday');
    // 47 hours ago was the day before yesterday.
    expect(relativeTime('en', at('2026-12-07T09:00'), now)).to.equal('2 days ago');
    expect(relativeTime('en', at('2026-12-05T23:59'), now)).to.equal('4 days ago'); // 3 days and 8 hours
    expect(relativeTime('en', at('2026-12-10T09:00'), now)).to.equal('tomorrow');
    expect(relativeTime('en', at('2026-12-01T09:00'), now)).to.equal('1 week ago');
    expect(relativeTime('en', at('2026-11-01T09:00'), now)).to.equal('1 month ago');
    expect(relativeTime('en', at('2025-12-01T09:00'), now)).to.equal('1 year ago');
    expect(relativeTime('es', at('2026-12-07T09:00'), now)).to.equal('anteayer');
  });
});
