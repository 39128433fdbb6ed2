// Config problems are for editors, who may not read English either: the common messages (src/core/config/issues.ts,
// `errorMessages`) show in the widget's language when its bundle has them (`errors`), English otherwise. The
// console, the event and `carecircle check` keep the English message.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/care-support-groups.js';
import { registerLocale } from '../../src/core/i18n/registry.js';
import { errorMessages } from '../../src/core/config/issues.js';
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
