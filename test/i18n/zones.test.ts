// Zone names as people know them, in the reader's language: never the time-zone ID's English city in another
// language ("hora de New York"), never an offset ("GMT+11") where the language has a name.
import { expect } from '@open-wc/testing';
import { formatWithZone, zoneName } from '../../src/core/i18n/format.js';

const LANGS = ['es', 'ar', 'zh-Hans', 'zh-Hant', 'vi', 'pl', 'ur', 'el', 'it'];
const at = Date.UTC(2026, 2, 2, 9);

describe('zone names in every language', () => {
  it('name a zone by its region, not the English city of its ID, nor an offset', () => {
    for (const lang of LANGS) {
      for (const zone of ['Australia/Sydney', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Karachi']) {
        const name = zoneName(lang, zone, at);
        const city = zone.split('/').pop()!.replace(/_/g, ' ');
        expect(name, `${lang} ${zone}`).not.to.contain(city);
        expect(name, `${lang} ${zone}`).not.to.match(/GMT|UTC|[+−-]\d/);
      }
    }
  });

  it('English names the city ("Sydney time"); a British page in Sydney names the zone in full, not "GMT+11"', () => {
    expect(zoneName('en', 'Australia/Sydney', at)).to.equal('Sydney time');
    const text = formatWithZone('en-GB', { timeZone: 'Australia/Sydney', hour: 'numeric', minute: '2-digit' }, at);
    expect(text).to.contain('Australian Eastern Daylight Time');
  });
});
