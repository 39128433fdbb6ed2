// The baselines are drawn with Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji,
// installed by .ci/run): text in every script the stories use (support groups list Arabic, Chinese, Greek,
// Hindi, Korean and Vietnamese; posts carry emoji) is real glyphs, not boxes. Without them every picture
// would differ, so say that first and plainly.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

const FAMILIES = [
  'Noto Sans',
  'Noto Sans Arabic',
  'Noto Nastaliq Urdu',
  'Noto Sans Devanagari',
  'Noto Sans CJK SC',
  'Noto Sans CJK KR',
  'Noto Color Emoji',
];
const INSTALL = 'apt-get install -y fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji';

describe('screenshots: fonts', () => {
  it(`the baselines' fonts are installed (${FAMILIES.join(', ')})`, async () => {
    const installed = await executeServerCommand<string[], undefined>('screenshot-fonts');
    const missing = FAMILIES.filter((f) => !installed.includes(f));
    expect(missing, `fonts missing for the screenshots; install them with: ${INSTALL}`).to.deep.equal([]);
  });
});
