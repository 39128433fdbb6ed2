// Two speed-ups on the path of every config load (issue 13: 10,000 groups), each held to the slow way it replaced.
import { expect } from '@open-wc/testing';
import { isWebAddress } from '../../src/core/config/rules.js';
import { LocalText, resolveLocalText } from '../../src/core/config/local-text.js';

/** The rule as it was: whatever the browser's URL parser says. */
const parsed = (v: string) => {
  try {
    return /^https?:$/.test(new URL(v, document.baseURI).protocol);
  } catch {
    return false;
  }
};

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1e9) / 1e9;
}

describe('isWebAddress: plain addresses skip the URL parser, with the same answers', () => {
  it('agrees with the URL parser on hand-picked addresses', () => {
    const cases = [
      'https://example.org/groups/1',
      'HTTP://Example.ORG:8080/a b?q=1#x',
      'https://localhost',
      'https://a.b.',
      'https://1.2.3.4/',
      'https://999.1.1.1/',
      'https://a.999/',
      'https://a.0x1f/',
      'https://xn--abc.org/',
      'https://xn--nxasmq6b.com/',
      'https://example.org:99999/',
      'https://exa mple.org/',
      'https://-a-.org/',
      'https://a..b/',
      'https:///path',
      'https://user@host.org/',
      'https://[::1]/',
      '/relative/path',
      'mailto:a@b.org',
      'javascript:alert(1)',
      ' https://example.org',
      'https://example.org/\u0000',
    ];
    for (const v of cases) expect(isWebAddress(v), JSON.stringify(v)).to.equal(parsed(v));
  });

  it('agrees with the URL parser on 20,000 generated addresses', () => {
    const parts = [
      'a',
      'x',
      'n',
      '-',
      '.',
      '0',
      '9',
      '1',
      '255',
      '999',
      ':',
      '/',
      '?',
      '#',
      '@',
      '%',
      '[',
      ']',
      '\\',
      ' ',
      'é',
      'X',
      'xn--',
      '0x',
      '65535',
      '..',
      '_',
      '\u00ad',
    ];
    const r = rng(7);
    let plain = 0;
    for (let i = 0; i < 20000; i++) {
      let v = r() < 0.5 ? 'https://' : 'http://';
      for (let n = 1 + Math.floor(r() * 10); n > 0; n--) v += parts[Math.floor(r() * parts.length)];
      if (/^https?:\/\/[a-z]/i.test(v)) plain++;
      expect(isWebAddress(v), JSON.stringify(v)).to.equal(parsed(v));
    }
    expect(plain, 'many took the fast path').to.be.greaterThan(1000);
  });
});

describe('resolveLocalText: copies only what holds a per-language text', () => {
  it('returns the same objects when there is nothing to choose', () => {
    const config = { groups: [{ id: 'a', name: 'A', location: { suburb: 'B' } }], places: [] };
    expect(resolveLocalText(config, ['en'])).to.equal(config);
  });

  it('chooses each text by the chain, copying the objects on its way and sharing the rest, leaving the input as it was', () => {
    const untouched = { id: 'b', name: 'B', location: { suburb: 'S' } };
    const config = {
      groups: [{ id: 'a', name: new LocalText({ EN: 'Hello', es: 'Hola' }), tags: ['x', new LocalText({ fr: 'Bonjour' })] }, untouched],
      other: { deep: { text: new LocalText({ de: 'Hallo', en: 'Hi' }) } },
    };
    const out = resolveLocalText(config, ['es-MX', 'es']);
    expect(out).to.deep.equal({
      groups: [{ id: 'a', name: 'Hola', tags: ['x', 'Bonjour'] }, untouched],
      other: { deep: { text: 'Hallo' } },
    });
    expect(out.groups[1]).to.equal(untouched);
    expect(resolveLocalText(config, ['en']).groups[0]!.name).to.equal('Hello');
    expect(config.groups[0]!.name).to.be.instanceOf(LocalText);
  });

  it('remembers each list item’s result per language chain: a list resolved in slices is not walked again', () => {
    const groups = [{ name: new LocalText({ en: 'One', es: 'Uno' }) }, { name: 'Two' }];
    const first = resolveLocalText(groups.slice(0, 1), ['es']);
    const whole = resolveLocalText({ groups }, ['es']);
    expect(whole.groups[0]).to.equal(first[0]);
    expect(whole.groups).to.deep.equal([{ name: 'Uno' }, { name: 'Two' }]);
    expect(resolveLocalText({ groups }, ['en']).groups[0]).to.deep.equal({ name: 'One' });
    expect(resolveLocalText({ groups }, ['es']).groups[0]).to.deep.equal({ name: 'Uno' });
  });
});
