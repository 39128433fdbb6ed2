// The carecircle-locale Trusted Types policy blesses a language file's address and nothing else, whatever
// string reaches it (the registry's folder is on globalThis, so any script on the page can change it).
import { expect } from '@open-wc/testing';
import { isLocaleFileUrl, localeScriptUrl } from '../../src/core/i18n/locale-script.js';

const here = location.origin;

describe('carecircle-locale policy', () => {
  it('allows language files beside the script, on this origin, by path or absolute address', () => {
    for (const url of [
      '/dist/locales/ar.js',
      `${here}/dist/locales/zh-Hant.js`,
      `${here}/npm/carecircle@1.2.0/dist/locales/es.js`,
      '/dist/locales/care-chat-schedule/ar.js',
      '/dist/locales/errors/zh-Hans.js',
    ]) {
      expect(isLocaleFileUrl(url), url).to.equal(true);
      expect(String(localeScriptUrl(url)), url).to.equal(url);
    }
  });

  it('refuses addresses that only end like a language file', () => {
    const hostile = [
      'data:text/javascript,alert(1)//locales/ar.js',
      'javascript:alert(1)//locales/ar.js',
      'https://evil.example/locales/ar.js',
      '//evil.example/locales/ar.js',
      `${here}/evil.js?/locales/ar.js`,
      `${here}/evil.js#/locales/ar.js`,
      `${here}/uploads/x/../locales/ar.js`,
      `${here}/uploads/%2e%2e/locales/ar.js`,
      `${here}/uploads\\..\\locales/ar.js`,
      `http://user:pw@${location.host}/locales/ar.js`,
      `${here}/locales/ar.js.map`,
      `${here}/locales/uploads/ar.js`,
      `${here}/locales/care-chat-schedule/x/ar.js`,
      `${here}/locales/errors/../ar.js`,
    ];
    for (const url of hostile) {
      expect(isLocaleFileUrl(url), url).to.equal(false);
      expect(String(localeScriptUrl(url) ?? ''), url).to.equal('');
    }
  });
});
