// Languages as BCP 47 tags, whatever an editor wrote ("spanish", "Español", "es"), shown in the viewer's language.

// Languages spoken by many patients in English-speaking countries: their English and own names are understood.
const CODES =
  'af am ar bg bn bs ca cs cy da de el en es et fa fi fil fr ga gd gu ha he hi hmn hr hu hy id ig is it ja ka km kn ko ku lo lt lv mi mk ml mn mr ms mt my ne nl no pa pl ps pt ro ru si sk sl sm so sq sr sv sw ta te th ti tl to tr uk ur uz vi xh yi yo yue zh zu';
const ALIASES: Record<string, string> = { mandarin: 'zh', farsi: 'fa', filipino: 'fil', tagalog: 'tl' };

let byName: Map<string, string> | undefined;
const names = new Map<string, Intl.DisplayNames>();
const displayNames = (locale: string): Intl.DisplayNames => {
  let d = names.get(locale);
  if (!d) names.set(locale, (d = new Intl.DisplayNames(locale, { type: 'language', fallback: 'none' })));
  return d;
};

// A directory of 10,000 groups names a few languages many times: each distinct text is read once.
const tags = new Map<string, string>();

/** "spanish", "Español" → "es"; a tag is made canonical ("pt-br" → "pt-BR"); anything else is kept as written. */
export function languageTag(value: string): string {
  let tag = tags.get(value);
  if (tag === undefined) tags.set(value, (tag = readTag(value)));
  return tag;
}

function readTag(value: string): string {
  const v = value.trim();
  if (/^([a-z]{2,3}|x)(-[a-z\d]{1,8})*$/i.test(v)) {
    try {
      return Intl.getCanonicalLocales(v)[0]!;
    } catch {
      return v.toLowerCase();
    }
  }
  if (!byName) {
    byName = new Map(Object.entries(ALIASES));
    for (const code of CODES.split(' ')) {
      for (const locale of ['en', code]) {
        try {
          const name = displayNames(locale).of(code);
          if (name) byName.set(name.toLowerCase(), code);
        } catch {
          // A browser without this locale's data.
        }
      }
    }
  }
  return byName.get(v.toLowerCase()) ?? v;
}

/** A language's name in the viewer's language ("es" → "Spanish" in English, "español" in Spanish); else as written. */
export function languageName(tag: string, locale: string): string {
  try {
    return displayNames(locale).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
