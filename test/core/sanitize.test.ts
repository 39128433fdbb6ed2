import { expect } from '@open-wc/testing';
import { safeUrl, telUrl, mailtoUrl } from '../../src/core/sanitize.js';

describe('safeUrl', () => {
  it('keeps http(s) and resolves relative addresses', () => {
    expect(safeUrl('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
    expect(safeUrl('/support')).to.equal(new URL('/support', document.baseURI).href);
  });
  for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'http://[bad', '', 42, null]) {
    it(`rejects ${JSON.stringify(bad)}`, () => expect(safeUrl(bad)).to.equal(undefined));
  }
  it('allows only https for media', () => {
    expect(safeUrl('http://example.org/a.png', { httpsOnly: true })).to.equal(undefined);
    expect(safeUrl('https://example.org/a.png', { httpsOnly: true })).to.equal('https://example.org/a.png');
  });
});

describe('tel and mailto', () => {
  it('normalises phone numbers', () => {
    expect(telUrl('+61 2 9999 0000')).to.equal('tel:+61299990000');
    expect(telUrl('13 11 20')).to.equal('tel:131120');
    expect(telUrl('call us')).to.equal(undefined);
  });
  it('accepts only plain email addresses', () => {
    expect(mailtoUrl('help@example.org')).to.equal('mailto:help@example.org');
    expect(mailtoUrl('a@b.org?bcc=x@y.org')).to.equal(undefined);
    expect(mailtoUrl('not an email')).to.equal(undefined);
  });
});
