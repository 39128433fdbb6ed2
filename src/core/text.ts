// Look-alikes of Latin letters as lower case leaves them, each range a code point and the letters from it on ('~' for
// none): IPA small capitals (ɢ ɪ ɴ ʀ ʏ ʙ ʜ ʟ) and script ɡ; Greek (α β γ ε ζ η ι κ μ ν ο ρ ς σ τ υ χ, as their capitals
// look: ν and Ν → n, υ and Υ → y); Cyrillic (а в е к м н о р с т у х ѕ і ј һ ӏ ԁ ԛ ԝ); the blanks that draw as a space
// (Hangul fillers, which NFKD leaves as U+115F and U+1160, and the braille blank); phonetic small capitals (ᴀ ᴄ ᴅ ᴇ
// ᴊ ᴋ ᴍ ᴏ ᴘ ᴛ ᴜ ᴠ ᴡ ᴢ ꜰ ꜱ); negative circled and squared letters (🅐, 🅰) and regional indicators (🇦).
const FOLD: [number, string][] = [
  [0x261, 'gg~~~~~~~i~~~~~~~~~n~~~~~~~~~~~r~~~~~~~~~~~~~~y~~~~~~~~~b~~h~~l'],
  [0x3b1, 'aby~ezh~ik~mn~o~pssty~x'],
  [0x430, 'a~b~~e~~~~k~mho~pcty~x~~~~~~~~~~~~~~~si~j'],
  [0x4bb, 'h~~~~~~~~~~~~~~~~~~~l'],
  [0x501, 'd~~~~~~~~~~~~~~~~~~~~~~~~~q~w'],
  [0x115f, '  '],
  [0x1d00, 'a~~~cd~e~~jk~m~o~~~~~~~~p~~tu~~~vwz'],
  [0x2800, ' '],
  [0xa730, 'fs'],
  [0x1f150, 'abcdefghijklmnopqrstuvwxyz~~~~~~abcdefghijklmnopqrstuvwxyz'],
  [0x1f1e6, 'abcdefghijklmnopqrstuvwxyz'],
];

/**
 * Case- and accent-insensitive form, for matching what people type against what others wrote: NFKD (full-width,
 * circled and mathematical letters become plain ones), lower, upper, then lower case (ß and ẞ → ss), marks, controls and
 * invisible characters (soft hyphens, zero-width spaces and joiners, bidi controls) stripped, tabs and line breaks
 * kept ("Chimiothérapie", "CHIMIO\u00adTHÉRAPIE", "ｃｈｉｍｉｏ…" → "chimiotherapie"). The common look-alikes of Latin
 * letters in FOLD become those letters ("sp\u0430m" with a Cyrillic а, "ꜱᴘᴀᴍ", "🆂🅿🅰🅼" → "spam"), and final sigma
 * and blank-looking characters too. Text in those scripts folds the same way on both sides, so a Russian or Greek
 * word still matches itself. Not Unicode's full confusables (UTS #39: thousands of pairs, kilobytes a page would
 * carry), so rarer look-alikes (Armenian օ, Cherokee Ꭺ, Latin letters with a stroke or hook) stay as they are.
 */
export const normalise = (value: string): string =>
  value
    .normalize('NFKD')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .replace(/[^\0-~]/gu, (c) => {
      for (const [start, to] of FOLD) {
        const letter = to[c.codePointAt(0)! - start]!;
        if (letter < '~') return letter;
      }
      return c;
    })
    .replace(/(?![\t-\r])[\p{M}\p{DI}\p{Cc}\p{Cf}]/gu, '');
