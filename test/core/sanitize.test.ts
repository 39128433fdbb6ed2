import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { postHref, safeUrl, telUrl, mailtoUrl } from '../../src/core/sanitize.js';
import { externalLink } from '../../src/core/links.js';

describe('safeUrl', () => {
  it('keeps http(s) and resolves relative addresses', () => {
    expect(safeUrl('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
    expect(safeUrl('/support')).to.equal(new URL('/support', document.baseURI).href);
  });
  for (const bad of [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'http://[bad',
    '',
    42,
    null,
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => expect(safeUrl(bad)).to.equal(undefined));
  }
  it('allows only https for media', () => {
    expect(safeUrl('http://example.org/a.png', { httpsOnly: true })).to.equal(undefined);
    expect(safeUrl('https://example.org/a.png', { httpsOnly: true })).to.equal('https://example.org/a.png');
    // Pictures over http only from this machine, and only on a page of this machine (the tests run on localhost).
    expect(location.hostname).to.equal('localhost');
    expect(safeUrl('http://localhost:8000/stories/assets/a.svg', { httpsOnly: true })).to.equal(
      'http://localhost:8000/stories/assets/a.svg',
    );
    expect(safeUrl('http://127.0.0.1/a.png', { httpsOnly: true })).to.equal('http://127.0.0.1/a.png');
    expect(safeUrl('http://localhost.evil.example/a.png', { httpsOnly: true })).to.equal(undefined);
  });
});

describe('postHref: addresses from posts and remote sources', () => {
  it('keeps absolute http(s) addresses', () => {
    expect(postHref('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
    expect(postHref('http://example.org/')).to.equal('http://example.org/');
  });
  // Relative ones would resolve against the hospital's own page; `//host` would go to another server.
  for (const bad of [
    '/support',
    'support.html',
    '?q=1',
    '//evil.example/a',
    '\\\\evil.example/a',
    'javascript:alert(1)',
    'data:text/html,x',
    '',
    null,
    undefined,
    42,
  ]) {
    it(`drops ${JSON.stringify(bad)}`, () => expect(postHref(bad)).to.equal(undefined));
  }
  it('allows only https for media', () => {
    expect(postHref('http://example.org/a.png', { httpsOnly: true })).to.equal(undefined);
    expect(postHref('/a.png', { httpsOnly: true })).to.equal(undefined);
    expect(postHref('https://example.org/a.png', { httpsOnly: true })).to.equal('https://example.org/a.png');
  });
});

describe('externalLink: one policy for every link to another site', () => {
  const link = (...args: Parameters<typeof externalLink>) => {
    const box = document.createElement('div');
    render(externalLink(...args), box);
    return box.querySelector('a')!;
  };
  it('sends no Referer and gives the new page no opener', () => {
    const a = link('https://example.org/x', 'Example');
    expect(a.getAttribute('href')).to.equal('https://example.org/x');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(a.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(a.hasAttribute('target')).to.equal(false);
    expect(a.textContent).to.equal('Example');
  });
  it('marks links from posts nofollow ugc, and takes an id, class and new tab', () => {
    const a = link('https://example.org/x', 'Example', { ugc: true, id: 'p1a', cls: 'name', newTab: true });
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer nofollow ugc');
    expect([a.id, a.className, a.target]).to.deep.equal(['p1a', 'name', '_blank']);
  });
  it('keeps the text but no href for an unsafe or missing address', () => {
    for (const bad of ['javascript:alert(1)', undefined]) {
      const a = link(bad, 'Example');
      expect(a.hasAttribute('href')).to.equal(false);
      expect(a.textContent).to.equal('Example');
    }
  });
});

describe('tel and mailto', () => {
  it('normalises phone numbers', () => {
    expect(telUrl('+61 2 9999 0000')).to.equal('tel:+61299990000');
    expect(telUrl('13 11 20')).to.equal('tel:131120');
    expect(telUrl('call us')).to.equal(undefined);
  });
  it('dials only the number: not the hours, extension or second number written after it', () => {
    expect(telUrl('1800 123 456 (9am-5pm)')).to.equal('tel:1800123456');
    expect(telUrl('(02) 9845 5555 ext. 2')).to.equal('tel:0298455555');
    expect(telUrl('0800 123 4567 x12')).to.equal('tel:08001234567');
    expect(telUrl('Freecall 1800 123 456')).to.equal('tel:1800123456');
    expect(telUrl('13 11 20 or 02 9999 0000')).to.equal('tel:131120');
    expect(telUrl('+44 (0)20 7946 0000')).to.equal('tel:+442079460000');
  });
  it('dials the first of several numbers, without an extension after #', () => {
    expect(telUrl('13 11 20 / 13 14 50')).to.equal('tel:131120');
    expect(telUrl('9999 0000, 9999 0001')).to.equal('tel:99990000');
    expect(telUrl('9999 0000; 9999 0001')).to.equal('tel:99990000');
    expect(telUrl('0800 707 6060 #2')).to.equal('tel:08007076060');
    expect(telUrl('1-800-4-CANCER (1-800-422-6237)')).to.equal('tel:18004226237');
    expect(telUrl('1800 123 456 (9AM-5PM)')).to.equal('tel:1800123456');
    expect(telUrl('(02) 9845 5555')).to.equal('tel:0298455555');
    expect(telUrl('+1 (212) 555 0100')).to.equal('tel:+12125550100');
    expect(telUrl('(1-800-422-6237)')).to.equal('tel:18004226237');
  });
  it('dials the letters of a vanity number as a phone keypad has them', () => {
    expect(telUrl('1-800-4-CANCER')).to.equal('tel:18004226237');
    expect(telUrl('1-800-ACS-2345')).to.equal('tel:18002272345');
    expect(telUrl('1-800-Flowers')).to.equal('tel:18003569377');
    expect(telUrl('1.800.PQRS.WXYZ')).to.equal('tel:180077779999');
    expect(telUrl('Call 1-800-ACS-2345 (24 hours)')).to.equal('tel:18002272345');
  });
  it('accepts only plain email addresses', () => {
    expect(mailtoUrl('help@example.org')).to.equal('mailto:help@example.org');
    expect(mailtoUrl('a@b.org?bcc=x@y.org')).to.equal(undefined);
    expect(mailtoUrl('not an email')).to.equal(undefined);
  });
});
