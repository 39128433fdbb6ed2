// Config problems are for editors, who may not read English either: the common messages (src/core/config/issues.ts,
// `errorMessages`) show in the widget's language when its bundle has them (`errors`), English otherwise. The
// console, the event and `carecircle check` keep the English message.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/care-support-groups.js';
import '../../src/define/care-chat-schedule.js';
import { registerLocale } from '../../src/core/i18n/registry.js';
import { errorMessages } from '../../src/core/config/issues.js';
import { toConfigIssues } from '../../src/core/config/zod-issues.js';
import { chatScheduleSchema } from '../../src/widgets/chat-schedule/chat-schedule.schema.js';
import { hashtagFeedSchema } from '../../src/widgets/hashtag-feed/hashtag-feed.schema.js';
import { supportGroupsSchema } from '../../src/widgets/support-groups/support-groups.schema.js';
import type * as z from 'zod/mini';
import es from '../../src/i18n/locales/es.js';
import ar from '../../src/i18n/locales/ar.js';

registerLocale('es', es);
registerLocale('ar', ar);
// A language whose file has no `errors` yet: its editors get English.
registerLocale('qx', { ...es, errors: undefined });

const bad = { urlState: false, groups: [{ id: 'a', name: 'A', audiences: ['nurse'] }], pageSiz: 5 };

async function panel(lang: string): Promise<string[]> {
  const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><care-support-groups .config=${bad}></care-support-groups></div>`);
  const el = page.querySelector('care-support-groups')!;
  await waitUntil(() => el.shadowRoot?.querySelector('.panel.error li'), 'no error panel', { timeout: 5000 });
  return [...el.shadowRoot!.querySelectorAll('.panel.error li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}

describe('config errors in the reader’s language', () => {
  let errors: unknown[][] = [];
  const original = console.error;
  beforeEach(() => ((errors = []), (console.error = (...a: unknown[]) => errors.push(a))));
  afterEach(() => (console.error = original));

  it('English by default, from the same table the translations follow', async () => {
    const items = await panel('en');
    expect(items).to.include('pageSiz: Unknown setting "pageSiz". Did you mean "pageSize"?');
    expect(items.some((i) => i.includes('Must be one of "patient", "carer", "family", "professional"; got the text "nurse".'))).to.equal(
      true,
    );
    expect(errorMessages.unknownSettingHint).to.equal('Unknown setting "{key}". Did you mean "{hint}"?');
  });

  it('Spanish and Arabic show their own words, with the values as written', async () => {
    const items = await panel('es');
    expect(items).to.include('pageSiz: Ajuste desconocido: "pageSiz". ¿Quiso decir "pageSize"?');
    expect(
      items.some((i) => i.endsWith('Debe ser uno de estos: "patient", "carer", "family", "professional"; se encontró "nurse".')),
    ).to.equal(true);
    const arabic = await panel('ar');
    expect(arabic).to.include('pageSiz: إعداد غير معروف: "pageSiz". هل تقصد "pageSize"؟');
    // The console keeps English, for whoever debugs the page.
    expect(errors.map((a) => String(a[0])).join('\n')).to.contain('Unknown setting "pageSiz"');
  });

  it('a missing src file and unreadable JSON: the reason in the reader’s words, the parser’s own text as it is', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="es">
      <care-support-groups src="/__missing__/groups.json"></care-support-groups>
      <care-support-groups><script type="application/json">{ "groups": [ }</script></care-support-groups>
    </div>`);
    const [missing, broken] = [...page.querySelectorAll('care-support-groups')];
    const item = (el: Element) => el.shadowRoot?.querySelector('.panel.error li')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    await waitUntil(() => item(missing!) && item(broken!), 'no error panels', { timeout: 5000 });
    expect(item(missing!)).to.equal(
      '(src): No se pudo cargar la configuración desde /__missing__/groups.json: No hay nada en esa dirección.',
    );
    expect(item(broken!)).to.match(/^\(root\): La configuración del <script type="application\/json"> no es JSON válido: \S/);
  });

  it('a language whose file has no errors part falls back to English messages', async () => {
    const items = await panel('qx');
    expect(items).to.include('pageSiz: Unknown setting "pageSiz". Did you mean "pageSize"?');
  });

  it('plural and number messages use the language’s forms and digits', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div lang="ar"><care-support-groups .config=${{ urlState: false, pageSize: 500 }}></care-support-groups></div>`,
    );
    const el = page.querySelector('care-support-groups')!;
    await waitUntil(() => el.shadowRoot?.querySelector('.panel.error li'), 'no error panel', { timeout: 5000 });
    const text = el.shadowRoot!.querySelector('.panel.error li')!.textContent!;
    // "Must be a whole number from 1 to 200", the numbers written as Arabic writes them (Intl's digits for ar).
    const n = new Intl.NumberFormat('ar');
    expect(text).to.contain(`يجب أن تكون القيمة عددًا صحيحًا من ${n.format(1)} إلى ${n.format(200)}.`);
  });
});

// The checks of single settings (a repeat rule, a zone, a date that does not exist) are worded from the same table:
// the widget's bundle carries only their keys and the part that is wrong.
describe('a chat schedule’s own checks in the reader’s language', () => {
  const chat = { id: 'bcsm', title: '#bcsm', timeZone: 'America/New_York', start: '2026-01-05T21:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' };
  const config = {
    chats: [
      { ...chat, timeZone: 'America/NewYork' },
      { ...chat, id: 'b', rrule: 'FREQ=WEEKLY;BYDAY=MONDAY' },
      { ...chat, id: 'c', start: '2026-02-30T21:00', exceptions: ['2026-02-30'] },
      { ...chat, id: 'd', rrule: 'FREQ=WEEKLY;UNTIL=20251231' },
      { ...chat, id: 'e', rrule: 'FREQ=YEARLY' },
    ],
  };
  let logged: unknown[][] = [];
  // Skipped items are a warning in the console (the widget still shows what is valid).
  const original = console.warn;
  beforeEach(() => ((logged = []), (console.warn = (...a: unknown[]) => logged.push(a))));
  afterEach(() => (console.warn = original));

  /** The editor panel's problems (each bad chat is skipped) by path (`chats.1.rrule`), without the item's name. */
  async function problems(lang: string): Promise<Record<string, string>> {
    const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><care-chat-schedule .config=${config}></care-chat-schedule></div>`);
    const el = page.querySelector('care-chat-schedule')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[part="error"] li'), 'no error panel', { timeout: 5000 });
    return Object.fromEntries(
      [...el.shadowRoot!.querySelectorAll('[part="error"] li')].map((li) => {
        const text = li.textContent!.replace(/\s+/g, ' ').trim();
        const path = li.querySelector('code')!.textContent!;
        return [path, text.slice(text.indexOf(': ') + 2)];
      }),
    );
  }

  it('English as before', async () => {
    const en = await problems('en');
    expect(en['chats.0.timeZone']).to.equal('Not a known time-zone name: use one such as "America/New_York" or "Australia/Sydney".');
    expect(en['chats.1.rrule']).to.equal('Cannot read this repeat rule: BYDAY "MONDAY" is not a day such as MO, 2TU or -1FR.');
    expect(en['chats.2.start']).to.equal('Must be a real date and local time, written like "2026-01-05T21:00".');
    expect(en['chats.2.exceptions.0']).to.equal('Must be a real date written YYYY-MM-DD, like "2026-12-28".');
    expect(en['chats.3.rrule']).to.equal('UNTIL=20251231 is before the start, so this never happens.');
    expect(en['chats.4.rrule']).to.equal('Cannot read this repeat rule: FREQ must be DAILY, WEEKLY or MONTHLY, not "YEARLY".');
  });

  it('Spanish: the problem in Spanish, the rule’s words and the value as written', async () => {
    const es = await problems('es');
    expect(es['chats.0.timeZone']).to.equal(
      'No es un nombre de zona horaria conocido: use uno como "America/New_York" o "Australia/Sydney".',
    );
    expect(es['chats.1.rrule']).to.equal('No se puede leer esta regla de repetición: BYDAY "MONDAY" no es un día, como MO, 2TU o -1FR.');
    expect(es['chats.2.start']).to.equal('Debe ser una fecha y hora local reales, escritas como "2026-01-05T21:00".');
    expect(es['chats.2.exceptions.0']).to.equal('Debe ser una fecha real con el formato YYYY-MM-DD, como "2026-12-28".');
    expect(es['chats.3.rrule']).to.equal('UNTIL=20251231 es anterior al inicio, así que esto nunca ocurre.');
    expect(es['chats.4.rrule']).to.equal('No se puede leer esta regla de repetición: FREQ debe ser DAILY, WEEKLY o MONTHLY, no "YEARLY".');
    // The console keeps English, for whoever debugs the page.
    expect(logged.map((a) => String(a[0])).join('\n')).to.contain('Cannot read this repeat rule: BYDAY "MONDAY"');
  });

  it('Arabic: the same, with the RRULE and the dates written as the editor types them', async () => {
    const ar = await problems('ar');
    expect(ar['chats.0.timeZone']).to.equal('ليس اسم منطقة زمنية معروفًا: استخدم اسمًا مثل "America/New_York" أو "Australia/Sydney".');
    expect(ar['chats.1.rrule']).to.equal('تعذّرت قراءة قاعدة التكرار هذه: القيمة BYDAY "MONDAY" ليست يومًا مثل MO أو 2TU أو -1FR.');
    expect(ar['chats.2.start']).to.equal('يجب أن يكون تاريخًا ووقتًا محليًا حقيقيين، مكتوبين بالشكل "2026-01-05T21:00".');
    expect(ar['chats.2.exceptions.0']).to.equal('يجب أن يكون تاريخًا حقيقيًا مكتوبًا بالشكل YYYY-MM-DD، مثل "2026-12-28".');
    expect(ar['chats.3.rrule']).to.equal('القيمة UNTIL=20251231 تسبق البداية، لذا لن يحدث هذا أبدًا.');
  });
});

// Each check of the schemas gives a problem by key: every key has its English wording, filled in, and a translation.
describe('the problems of every check have their wording', () => {
  const explain = (schema: z.ZodMiniType, data: unknown) =>
    toConfigIssues(schema.safeParse(data, { reportInput: true }).error?.issues ?? [], schema, data);
  const post = { id: 'p', url: 'https://x.example/p', author: { name: 'A', handle: '@a@x.example', url: 'https://x.example/a' } };
  const meets = { start: '2026-01-13T18:00', timeZone: 'Australia/Sydney' };
  const issues = [
    ...explain(hashtagFeedSchema, {
      hashtag: 'no way',
      sources: [
        { type: 'bluesky-feed', feed: 'x' },
        { type: 'mastodon', instance: 'mastodon.example' },
        { type: 'snapshot', url: 'ftp://hospital.example/bcsm.json' },
        { type: 'posts', posts: [{ ...post, createdAt: 'yesterday' }] },
      ],
      refreshSeconds: 5,
    }),
    ...explain(supportGroupsSchema, {
      groups: [
        { id: 'a', name: { english: 'A' }, cost: 'maybe', lastReviewed: '1 Sep' },
        { id: 'a', name: {} },
        {
          id: 'b',
          name: 'B',
          meets: { start: '2026-02-30T18:00', timeZone: 'Mars/Base', rrule: 'FREQ=YEARLY', exceptions: ['2026-02-30'] },
        },
        { id: 'c', name: 'C', meets: { ...meets, rrule: 'FREQ=WEEKLY;UNTIL=20251231' } },
        { id: 'd', name: 'D', meets: { ...meets, rrule: 'FREQ=MONTHLY;BYDAY=2TU;BYMONTHDAY=31' } },
      ],
    }),
    ...explain(chatScheduleSchema, {
      chats: [0, 1].map(() => ({ id: 'a', title: 'A', timeZone: 'UTC', start: '2026-01-05T21:00' })),
      subscribeUrl: 'ftp://calendar.example/chats.ics',
    }),
  ];

  it('names each problem by a key with English wording, every placeholder filled', () => {
    const keys = new Set(issues.map((i) => i.key));
    const checks = ['hashtag', 'feedAddress', 'webAddress', 'dateTime', 'refreshSeconds', 'languageTag', 'oneLanguage', 'costForm'];
    checks.push('duplicateId', 'realDateTime', 'unknownZone', 'rrule_freq', 'realDate', 'untilBeforeStart', 'calendarAddress');
    checks.push('neverRepeats', 'duplicateChatId', 'serverAddress');
    for (const key of checks) expect(keys, key).to.include(key);
    // A review date is a real date as a schedule's exceptions are, and is worded so ("1 Sep", like "2026-02-30").
    expect(issues.find((i) => i.path === 'groups.0.lastReviewed')?.key).to.equal('realDate');
    for (const i of issues) {
      expect(i.key, `${i.path}: ${i.message}`).to.be.a('string');
      expect(errorMessages, i.key).to.have.property(i.key!);
      expect(i.message, i.key).to.not.match(/\{\w+\}/);
    }
    const cost = issues.find((i) => i.key === 'costForm')!;
    expect(cost.message).to.equal(
      'Write the cost as { "type": … } with one of "free", "low-cost", "paid", "donation", and a "note" if needed; got the text "maybe".',
    );
    expect(issues.find((i) => i.key === 'refreshSeconds')!.message).to.equal('Use 0 to turn refresh off, or at least 60 seconds.');
    // A per-language text with a key that is no language tag: the tag is the problem, not "expected text".
    expect(issues.find((i) => i.key === 'languageTag')).to.deep.include({
      path: 'groups.0.name.english',
      message: 'Must be a language tag such as "en" or "zh-Hant"',
    });
  });

  it('in Spanish, with the values as written', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div lang="es">
        <care-support-groups .config=${{
          urlState: false,
          groups: [
            { id: 'a', name: 'A', cost: 'maybe' },
            { id: 'a', name: 'B' },
          ],
        }}></care-support-groups>
      </div>`,
    );
    const el = page.querySelector('care-support-groups')!;
    await waitUntil(() => el.shadowRoot?.querySelectorAll('[part="error"] li').length === 2, 'no error panel', { timeout: 5000 });
    const items = [...el.shadowRoot!.querySelectorAll('[part="error"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal([
      'groups.0.cost (“a”): Escriba el costo como { "type": … } con uno de estos valores: "free", "low-cost", "paid", "donation", y una "note" si hace falta; se encontró "maybe".',
      'groups.1.id (“a”): Mismo id que groups.0: los id deben ser únicos, así que este grupo se omite.',
    ]);
  });
});
