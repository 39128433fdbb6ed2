// The config playground: pick a widget and an example, edit its JSON, watch the widget update as you
// type, see every validation problem by its path (from the widget's own `care-config-error`), and copy
// the embed snippet. Plain JavaScript with no imports: the page loads the built /dist/carecircle.js (the
// Storybook page registers the tags from source instead). Everything runs in the browser.

/** Example configs per widget: the demo sites' data files, plus a deliberate typo to show an error. */
export const EXAMPLES = {
  'care-support-groups': [
    { label: 'Hospital support groups (Sydney)', url: '/demo/data/support-groups/hospital.json' },
    { label: 'Charity support groups (UK)', url: '/demo/data/support-groups/charity.json' },
    {
      label: 'A typo in a key (shows an error)',
      config: {
        groups: [
          {
            id: 'g-001',
            name: 'Breast cancer support group',
            formats: ['in-person'],
            audiences: ['patient', 'carer'],
            cancerTypes: ['breast'],
          },
        ],
        helpline: { label: 'Cancer Council 13 11 20', phone: '131120' },
      },
    },
  ],
  'care-chat-schedule': [
    { label: 'Hospital chats', url: '/demo/data/chat-schedule/hospital.json' },
    { label: 'Charity chats (UK)', url: '/demo/data/chat-schedule/charity.json' },
    {
      label: 'A typo in a key (shows an error)',
      config: {
        chats: [
          {
            id: 'bcsm',
            title: '#bcsm weekly chat',
            hashtag: 'bcsm',
            platform: 'x',
            timeZone: 'America/New_York',
            start: '2026-01-05T21:00',
            durationMinutes: 60,
            rrule: 'FREQ=WEEKLY;BYDAY=MO',
          },
        ],
        shwo: 8,
      },
    },
  ],
  'care-hashtag-feed': [
    { label: 'Hospital: curated posts', url: '/demo/data/hashtag-feed/hospital.json' },
    { label: 'Charity: curated posts (UK)', url: '/demo/data/hashtag-feed/charity.json' },
    { label: '#bcsm: curated posts, roles and moderation', url: '/demo/data/hashtag-feed/bcsm.json' },
    {
      label: 'A typo in a key (shows an error)',
      config: { hashtag: 'bcsm', sources: [{ type: 'posts', posts: [] }], limt: 10 },
    },
  ],
};

const NAMES = {
  'care-support-groups': 'Support groups finder',
  'care-chat-schedule': 'Chat schedule',
  'care-hashtag-feed': 'Hashtag feed',
};

const FALLBACK = {
  'care-support-groups': '<a href="/cancer-support/groups">See all our support groups</a>',
  'care-chat-schedule': '<a href="/cancer-support/chats">See our community chats</a>',
  'care-hashtag-feed': '<a href="/cancer-support/stories">Read our patient stories</a>',
};

// Static markup only: nothing the user types is ever put into innerHTML.
const TEMPLATE = `
  <div class="pg-grid">
    <section class="pg-editor" aria-labelledby="pg-editor-h">
      <h2 id="pg-editor-h">Config</h2>
      <div class="pg-pickers">
        <p class="pg-field">
          <label for="pg-widget">Widget</label>
          <select id="pg-widget"></select>
        </p>
        <p class="pg-field">
          <label for="pg-example">Example config</label>
          <select id="pg-example"></select>
        </p>
        <p class="pg-field">
          <label for="pg-theme">Theme</label>
          <select id="pg-theme">
            <option value="">light (default)</option>
            <option value="dark">dark</option>
            <option value="auto">auto (follows the device)</option>
          </select>
        </p>
      </div>
      <p class="pg-field pg-json">
        <label for="pg-json">Config JSON</label>
        <span class="pg-hint" id="pg-json-hint">The widget updates as you type. Unknown keys, wrong types and bad values are listed below by their path.</span>
        <textarea id="pg-json" rows="22" spellcheck="false" autocapitalize="off" autocomplete="off" aria-describedby="pg-json-hint pg-summary"></textarea>
      </p>
      <p class="pg-actions">
        <button type="button" id="pg-reset">Reset to the example</button>
        <a id="pg-schema" href="#">JSON Schema for this widget</a>
      </p>
      <div class="pg-result" id="pg-result">
        <p id="pg-summary" role="status" aria-live="polite"></p>
        <ul id="pg-errors" aria-label="Problems in the config"></ul>
      </div>
    </section>
    <section class="pg-preview" aria-labelledby="pg-preview-h">
      <h2 id="pg-preview-h">Preview <code id="pg-tag"></code></h2>
      <div id="pg-stage" class="pg-stage"></div>
    </section>
  </div>
  <section class="pg-snippet" aria-labelledby="pg-snippet-h">
    <h2 id="pg-snippet-h">Embed snippet</h2>
    <p>Paste this into your page. Host the file from <code>dist/</code> yourself and change the script address to where you put it.</p>
    <p class="pg-field pg-check">
      <input type="checkbox" id="pg-classic" />
      <label for="pg-classic">Classic script (for a CMS that removes <code>type="module"</code>)</label>
    </p>
    <pre class="pg-code" tabindex="0" role="region" aria-label="Embed snippet code"><code id="pg-snippet"></code></pre>
    <p class="pg-actions">
      <button type="button" class="primary" id="pg-copy">Copy embed snippet</button>
      <span id="pg-copied" class="pg-copied" role="status" aria-live="polite"></span>
    </p>
  </section>
`;

/** JSON text that is safe inside a <script> element (no `</script>` or `<!--` can end it early). */
export const scriptSafeJson = (value) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');

/** The snippet a web team pastes: script tag, element, inline JSON config, fallback link. */
export function embedSnippet({ tag, config, theme, bundleBase, classic }) {
  const src = new URL(classic ? 'carecircle.iife.js' : `${tag}.js`, bundleBase).href;
  const script = classic ? `<script defer src="${src}"></script>` : `<script type="module" src="${src}"></script>`;
  const json = typeof config === 'string' ? config.trim() : scriptSafeJson(config);
  const indented = json
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n');
  return `<!-- Once per page -->
${script}

<!-- Where the widget goes -->
<${tag}${theme ? ` theme="${theme}"` : ''}>
  <script type="application/json">
${indented}
  </script>
  ${FALLBACK[tag]}
</${tag}>
`;
}

/** Line and column of a JSON.parse error, when the browser says where it is. */
function jsonErrorMessage(error, text) {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return error.message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${error.message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}

/**
 * Builds the playground inside `root`. Options: `examples` (as EXAMPLES), `bundleBase` (where the
 * snippet's script points; default this site's /dist/), `schemaBase` (default /dist/schema/), `delay` (ms).
 * Returns `{ setJson(text), element(), destroy() }` for tests and stories.
 */
export function mountPlayground(root, options = {}) {
  const examples = options.examples ?? EXAMPLES;
  const bundleBase = options.bundleBase ?? new URL('/dist/', location.href).href;
  const schemaBase = options.schemaBase ?? new URL('/dist/schema/', location.href).href;
  const delay = options.delay ?? 350;
  root.classList.add('care-playground');
  root.innerHTML = TEMPLATE;
  const $ = (id) => root.querySelector(`#${id}`);
  const widgetSel = $('pg-widget');
  const exampleSel = $('pg-example');
  const themeSel = $('pg-theme');
  const textarea = $('pg-json');
  const stage = $('pg-stage');
  const summary = $('pg-summary');
  const errorList = $('pg-errors');
  const snippet = $('pg-snippet');
  const classic = $('pg-classic');
  const copied = $('pg-copied');
  const schemaLink = $('pg-schema');

  for (const tag of Object.keys(examples)) widgetSel.append(new Option(NAMES[tag] ?? tag, tag));
  const initial = new URLSearchParams(location.search).get('widget');
  if (initial && examples[initial]) widgetSel.value = initial;

  let timer = 0;
  let generation = 0;
  let current = null;
  let original = '';

  const tag = () => widgetSel.value;

  function showProblems(issues, note) {
    errorList.replaceChildren(
      ...issues.map((issue) => {
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = issue.path;
        li.append(code, `: ${issue.message}`);
        return li;
      }),
    );
    errorList.hidden = !issues.length;
    root.querySelector('#pg-result').dataset.state = issues.length ? 'invalid' : 'valid';
    summary.textContent = note;
  }

  function updateSnippet(config) {
    snippet.textContent = embedSnippet({ tag: tag(), config, theme: themeSel.value, bundleBase, classic: classic.checked });
  }

  function render() {
    clearTimeout(timer);
    const text = textarea.value;
    let config;
    try {
      config = JSON.parse(text);
    } catch (error) {
      showProblems(
        [{ path: '(root)', message: `Not valid JSON: ${jsonErrorMessage(error, text)}` }],
        'The JSON cannot be read yet: the preview shows the last version that could.',
      );
      updateSnippet(text);
      return;
    }
    updateSnippet(config);
    const mine = ++generation;
    const el = document.createElement(tag());
    if (themeSel.value) el.setAttribute('theme', themeSel.value);
    // The fallback link, as a web team would add it (static text, never the user's input).
    const fallback = document.createElement('p');
    fallback.innerHTML = FALLBACK[tag()];
    el.append(fallback);
    const sourceProblems = [];
    el.addEventListener('care-config-error', (event) => {
      if (mine !== generation) return;
      const n = event.detail.issues.length;
      showProblems(event.detail.issues, `${n} problem${n === 1 ? '' : 's'} in the config. The widget shows the same list to editors.`);
    });
    el.addEventListener('care-source-error', (event) => {
      if (mine !== generation) return;
      const d = event.detail;
      sourceProblems.push({ path: `(source ${d.source})`, message: `${d.message}${d.url ? ` (${d.url})` : ''}` });
      showProblems(sourceProblems, 'The config is valid, but a data source failed (the rest of the widget still works).');
    });
    el.addEventListener('care-ready', () => {
      if (mine !== generation || sourceProblems.length) return;
      showProblems([], 'The config is valid and the widget has rendered.');
    });
    el.config = config;
    current?.remove();
    current = el;
    stage.replaceChildren(el);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(render, delay);
  }

  async function loadExample() {
    const example = examples[tag()][Number(exampleSel.value) || 0];
    let data = example.config;
    if (!data) {
      try {
        const res = await fetch(example.url, { credentials: 'omit' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        data = await res.json();
      } catch (error) {
        original = textarea.value = '{}';
        stage.replaceChildren();
        showProblems(
          [{ path: '(example)', message: `Could not load ${example.url}: ${error.message}` }],
          'The example could not be loaded: type a config, or pick another example.',
        );
        return;
      }
    }
    delete data.$schema;
    original = JSON.stringify(data, null, 2);
    textarea.value = original;
    render();
  }

  function pickWidget() {
    exampleSel.replaceChildren(...examples[tag()].map((e, i) => new Option(e.label, String(i))));
    $('pg-tag').textContent = `<${tag()}>`;
    schemaLink.href = new URL(`${tag()}.schema.json`, schemaBase).href;
    schemaLink.textContent = `JSON Schema for <${tag()}>`;
    copied.textContent = '';
    return loadExample();
  }

  async function copy() {
    const text = snippet.textContent;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // Without clipboard permission: copy through a selected, off-screen textarea.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.insetInlineStart = '-9999px';
      root.append(area);
      area.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
    }
    copied.textContent = ok
      ? `Copied the <${tag()}> embed snippet to the clipboard.`
      : 'Copying is blocked here: select the snippet and press Ctrl+C (⌘C on a Mac).';
    copied.dataset.ok = String(ok);
  }

  widgetSel.addEventListener('change', pickWidget);
  exampleSel.addEventListener('change', loadExample);
  themeSel.addEventListener('change', render);
  classic.addEventListener('change', () => updateSnippet(safeParse(textarea.value)));
  textarea.addEventListener('input', () => {
    copied.textContent = '';
    schedule();
  });
  $('pg-reset').addEventListener('click', () => {
    textarea.value = original;
    render();
  });
  $('pg-copy').addEventListener('click', copy);

  const ready = pickWidget();
  return {
    ready,
    setJson(text) {
      textarea.value = text;
      render();
    },
    element: () => current,
    destroy() {
      clearTimeout(timer);
      generation++;
      root.replaceChildren();
    },
  };
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

for (const root of document.querySelectorAll('[data-care-playground]')) mountPlayground(root);
