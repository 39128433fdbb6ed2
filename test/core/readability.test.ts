import { expect } from '@open-wc/testing';
import { fleschKincaid, syllables, words } from '../helpers/readability.js';

describe('readability measure (test helper)', () => {
  it('counts syllables of plain and long words', () => {
    const cases: [string, number][] = [
      ['cat', 1],
      ['table', 2],
      ['simple', 2],
      ['support', 2],
      ['groups', 1],
      ['calendar', 3],
      ['information', 4],
      ['sensitive', 3],
      ['permission', 3],
      ['tomorrow', 3],
      ['people', 2],
      ['phone', 1],
    ];
    for (const [word, n] of cases) expect(syllables(word), word).to.equal(n);
  });
  it('reads placeholders as short words', () => {
    expect(words('Show {count} new posts')).to.deep.equal(['Show', 'it', 'new', 'posts']);
  });
  it('grades plain text low and officialese high', () => {
    expect(fleschKincaid(['The chat is on Monday.', 'Add it to your calendar.']).grade).to.be.below(6);
    const hard = fleschKincaid(['Subscription to the aggregated occurrence information necessitates authorisation by the administrator.']);
    expect(hard.grade).to.be.above(12);
  });
});
