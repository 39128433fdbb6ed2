// src/core/i18n/format.ts, as written (not the build): formatWithZone and zoneName read a zone's name from one
// formatter's parts (zonePart), and listFormat's default is Intl's own. Checked against Intl directly, for every
// language CareCircle ships and zones on both sides of UTC, in summer and winter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { importSource } from './import-source.mjs';

const { formatWithZone, zoneName, listFormat } = await importSource(`export * from './src/core/i18n/format.ts';`);

const langs = ['en', 'en-GB', 'en-AU', ...readdirSync('src/i18n/locales').map((f) => f.replace(/\.ts$/, ''))];
const zones = ['Australia/Sydney', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Apia', 'America/St_Johns', 'UTC'];
const instants = [Date.UTC(2026, 0, 15, 9), Date.UTC(2026, 6, 15, 21, 30)];
const zoneOf = (locale, options, at) =>
  new Intl.DateTimeFormat(locale, options).formatToParts(at).find((p) => p.type == 'timeZoneName')?.value;

test('formatWithZone writes the short zone name, or the long one where the short is an offset ("GMT+11")', () => {
  let long = 0;
  for (const locale of langs)
    for (const timeZone of zones)
      for (const at of instants) {
        const options = { timeZone, weekday: 'long', hour: 'numeric', minute: '2-digit' };
        const short = zoneOf(locale, { ...options, timeZoneName: 'short' }, at);
        const name = /\d/.test(short) ? 'long' : 'short';
        if (name == 'long') long++;
        assert.equal(
          formatWithZone(locale, options, at),
          new Intl.DateTimeFormat(locale, { ...options, timeZoneName: name }).format(at),
          `${locale} ${timeZone} ${new Date(at).toISOString()}`,
        );
      }
  assert.ok(long > 0, 'some language writes an offset for a short zone name, so both branches are checked');
});

test('zoneName: the city in English, else the generic name, or the long generic one where the short is an offset, an abbreviation or the city', () => {
  const at = instants[0];
  assert.equal(zoneName('en', 'America/New_York', at), 'New York time');
  // Etc/GMT+5 is five hours behind (POSIX's sign): never "GMT+5 time" in English.
  assert.equal(zoneName('en', 'Etc/GMT+5', at), zoneOf('en', { timeZone: 'Etc/GMT+5', timeZoneName: 'longGeneric' }, at));
  assert.match(zoneName('en', 'Etc/GMT+5', at), /-0?5/);
  for (const locale of langs.filter((l) => !/^en\b/.test(l)))
    for (const timeZone of zones) {
      const short = zoneOf(locale, { timeZone, timeZoneName: 'shortGeneric' }, at);
      const city = timeZone.split('/').pop().replace(/_/g, ' ');
      const expected =
        /\d|^\p{Lu}{1,5}$/u.test(short) || short.includes(city) ? zoneOf(locale, { timeZone, timeZoneName: 'longGeneric' }, at) : short;
      assert.equal(zoneName(locale, timeZone, at), expected, `${locale} ${timeZone}`);
    }
});

test("listFormat's default list is Intl's own: a conjunction, written long", () => {
  for (const locale of langs)
    assert.equal(
      listFormat(locale).format(['A', 'B', 'C']),
      new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(['A', 'B', 'C']),
      locale,
    );
});
