// The lookup behind every message: the locale chain, plural forms by the language the message is found in,
// bundles registered at run time, and locale files fetched on demand from beside the script.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { createTranslate } from '../../src/core/i18n/messages.js';
import { directionOf, loadLocale, localeChain, localeCode, registerLocale, registry } from '../../src/core/i18n/registry.js';
import { lazy } from '../../src/core/lazy.js';
import '../../src/define/care-chat-schedule.js';

const groups = { en: { count_one: '{n} group', count_other: '{n} groups', hi: 'Hi {who}' } };

describe('locale chain and direction', () => {
  it('goes from the most specific tag to English, through the likely script of Chinese', () => {
    expect(localeChain('zh-Hant-TW')).to.deep.equal(['zh-Hant-TW', 'zh-Hant', 'zh', 'en']);
    expect(localeChain('zh-TW')).to.deep.equal(['zh-TW', 'zh-Hant', 'zh', 'en']);
    expect(localeChain('zh-CN')).to.deep.equal(['zh-CN', 'zh-Hans', 'zh', 'en']);
    expect(localeChain('es-MX')).to.deep.equal(['es-MX', 'es', 'en']);
    expect(localeChain('en-GB')).to.deep.equal(['en-GB', 'en']);
  });
  it('knows the right-to-left languages', () => {
    expect(['ar', 'ur', 'fa-IR', 'he', 'en', 'zh-Hans', 'pa-Arab'].map(directionOf)).to.deep.equal([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
      'ltr',
    ]);
  });
});

describe('plural forms', () => {
  it('an English fallback follows English rules: never "1 groups" on a Vietnamese or Chinese page', () => {
    for (const locale of ['vi', 'zh-Hans', 'zh-Hant']) {
      const t = createTranslate(locale, [groups]);
      expect(t('count', { count: 1, n: 1 })).to.equal('1 group');
      expect(t('count', { count: 6, n: 6 })).to.equal('6 groups');
    }
  });
  it('a language that has the key uses its own forms for every count, never an English one', () => {
    const vi = createTranslate('vi', [{ ...groups, vi: { count_other: '{n} nhóm' } }]);
    for (const n of [0, 1, 2, 3, 5, 11, 100]) expect(vi('count', { count: n, n })).to.equal(`${n} nhóm`);
    // Polish without its `one` form: its own `other`, not English "1 group".
    const pl = createTranslate('pl', [{ ...groups, pl: { count_few: '{n} grupy', count_many: '{n} grup', count_other: '{n} grupy' } }]);
    expect(pl('count', { count: 1, n: 1 })).to.equal('1 grupy');
    expect(pl('count', { count: 3, n: 3 })).to.equal('3 grupy');
    expect(pl('count', { count: 5, n: 5 })).to.equal('5 grup');
  });
  it('picks each of Arabic’s six categories', () => {
    const ar = { count_zero: 'z', count_one: 'o', count_two: 't', count_few: 'f', count_many: 'm', count_other: 'x' };
    const t = createTranslate('ar', [{ ...groups, ar }]);
    expect([0, 1, 2, 3, 11, 100].map((count) => t('count', { count }))).to.deep.equal(['z', 'o', 't', 'f', 'm', 'x']);
  });
  it('formats numbers for the language of the message', () => {
    const t = createTranslate('en', [groups]);
    expect(t('count', { count: 12000, n: 12000 })).to.equal('12,000 groups');
  });
  it('cuts a message at its placeholders for templates, keeping a hashtag’s #', () => {
    const t = createTranslate('en', [{ en: { noPosts: 'No posts for #{tag} yet.' } }]);
    expect(t.parts('noPosts', { tag: 'bcsm' })).to.deep.equal(['No posts for ', { name: 'tag', value: '#bcsm' }, ' yet.']);
  });
});

describe('registered languages', () => {
  it('a registered bundle supplies its part, along the chain, before English', () => {
    registerLocale('xx-Test', {
      core: { loading: 'XX loading' },
      'hashtag-feed': {},
      'support-groups': { count_other: 'XX {n}' },
      'chat-schedule': {},
    });
    const t = createTranslate('xx-Test-GB', [groups, { en: { loading: 'Loading…' } }], {}, ['support-groups', 'core']);
    expect(t('count', { count: 4, n: 4 })).to.equal('XX 4');
    expect(t('loading')).to.equal('XX loading');
    expect(t('hi', { who: 'Jo' })).to.equal('Hi Jo');
  });
});

describe('locale files on demand', () => {
  const base = registry.base;
  const tags = registry.tags;
  afterEach(() => {
    registry.base = base;
    registry.tags = tags;
    document.documentElement.lang = 'en';
  });
  const requested = (part: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(part));

  it('fetches only the page’s language, registers it, and re-renders in it', async () => {
    registry.base = '/test/fixtures/core/locales/';
    registry.tags = ['qq', 'es', 'ar'];
    const en = await fixture(html`<div lang="en"><care-chat-schedule .config=${{ chats: [] }}></care-chat-schedule></div>`);
    await waitUntil(() => en.firstElementChild!.shadowRoot?.textContent?.includes('No chats coming up.'));
    expect(requested('/core/locales/'), 'an English page fetched a locale file').to.equal(false);
    const qq = await fixture(html`<div lang="qq"><care-chat-schedule .config=${{ chats: [] }}></care-chat-schedule></div>`);
    await waitUntil(() => qq.firstElementChild!.shadowRoot?.textContent?.includes('QQ: no chats'), 'the qq file was not loaded');
    expect(requested('/locales/qq.js')).to.equal(true);
    expect(
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/core/locales/'))
        .map((e) => e.name.split('/').pop()),
    ).to.deep.equal(['qq.js']);
  });

  /** Forgets a language: its messages and every load of its files (the registry keeps loads by address). */
  const forget = (tag: string) => {
    delete registry.bundles[tag];
    for (const url of Object.keys(registry.loading)) if (url.endsWith(`/${tag}.js`)) delete registry.loading[url];
  };

  it('adds the final / to a base written without one (a CDN folder as web teams type it)', async () => {
    forget('qq');
    registry.base = '/test/fixtures/core/locales';
    registry.tags = ['qq'];
    await loadLocale('qq');
    expect(registry.bundles.qq, 'qq.js was not loaded from the folder').to.exist;
  });

  it('loads the code that adds language files only for a language that needs one; when that code cannot load, English stays and the next call asks again', async () => {
    const real = localeCode.load;
    let calls = 0;
    localeCode.load = lazy(
      () => (calls++, Promise.reject(new TypeError('Failed to fetch dynamically imported module: /dist/chunks/x.js'))),
    );
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    const warned = registry.warned;
    registry.warned = false;
    try {
      registry.base = '/test/fixtures/core/locales/';
      registry.tags = ['qr'];
      expect(loadLocale('en-GB'), 'English needs no file').to.equal(undefined);
      expect(calls, 'an English page does not load the code').to.equal(0);
      await loadLocale('qr');
      expect(calls).to.equal(1);
      expect(registry.bundles.qr).to.equal(undefined);
      expect(
        Object.keys(registry.loading).filter((url) => url.endsWith('/qr.js')),
        'the failure is not remembered',
      ).to.deep.equal([]);
      expect(warnings.filter((w) => String(w).includes('CareCircle: could not load'))).to.have.length(1);
      const el = await fixture(html`<div lang="qr"><care-chat-schedule .config=${{ chats: [] }}></care-chat-schedule></div>`);
      await waitUntil(() => el.firstElementChild!.shadowRoot?.textContent?.includes('No chats coming up.'), 'not in English');
      // Asked again, the code loads and the language file it adds is fetched.
      localeCode.load = real;
      registry.tags = ['qq'];
      forget('qq');
      await loadLocale('qq');
      expect(registry.bundles.qq, 'qq.js was not loaded after the retry').to.exist;
      expect(warnings.filter((w) => String(w).includes('CareCircle: could not load'))).to.have.length(1);
    } finally {
      console.warn = warn;
      localeCode.load = real;
      registry.warned = warned;
    }
  });

  it('falls back to English quietly when the file cannot be loaded (one warning)', async () => {
    registry.base = '/test/fixtures/core/missing-locales/';
    registry.tags = ['qz'];
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      await loadLocale('qz');
      await loadLocale('qz');
      const el = await fixture(html`<div lang="qz"><care-chat-schedule .config=${{ chats: [] }}></care-chat-schedule></div>`);
      await waitUntil(() => el.firstElementChild!.shadowRoot?.textContent?.includes('No chats coming up.'));
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => String(w).includes('CareCircle: could not load'))).to.have.length(1);
  });
});
