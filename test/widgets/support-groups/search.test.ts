import { expect } from '@open-wc/testing';
import {
  boundedDistance,
  buildIndex,
  indexSteps,
  search,
  tokenize,
  queryTokens,
  allowedEdits,
} from '../../../src/widgets/support-groups/search.js';

const docs = [
  ['Breast Cancer Support — Westmead', ['breast'], 'Westmead', 'Westmead Hospital', 'Monthly meeting'],
  [
    'Leukaemia and Lymphoma Carers',
    ['leukaemia', 'lymphoma'],
    'Camperdown',
    'Blood Cancer Foundation',
    'For carers of people with blood cancers',
  ],
  ['Colorectal Connect', ['colorectal'], 'Parramatta', 'Gut Health Trust', 'Peer group'],
  ['Melanoma Patients Online', ['melanoma'], '', 'Skin Cancer Network', 'Video meetings'],
  ['Coffee Morning', [], 'Penrith', 'Community Centre', 'Open to people affected by breast cancer'],
  ['Ovarian Cancer Circle', ['ovarian'], 'Randwick', 'Women’s Health', 'Gynaecological cancers'],
  ['Café Crème Prostate Group', ['prostate'], 'Liverpool', 'Men’s Shed', ''],
];
const names = (ids: number[] | undefined) => (ids ?? []).map((i) => docs[i]![0] as string);
const index = buildIndex(docs, [50, 40, 30, 20, 10], { prostate: ['pca'] });

describe('search: tokens and distance', () => {
  it('normalises accents and case', () => {
    expect(tokenize('Café CRÈME, leucémie')).to.deep.equal(['cafe', 'creme', 'leucemie']);
  });
  it('finds a group by words in Cyrillic or Greek, in any case (its look-alike letters fold alike on both sides)', () => {
    expect(tokenize('ГРУППА Поддержки')).to.deep.equal(tokenize('группа поддержки'));
    const groups = buildIndex(
      [
        ['Группа поддержки при раке груди', [], 'Москва', '', ''],
        ['Ομάδα στήριξης', [], 'Αθήνα', '', ''],
        ['Breast group', [], 'Sydney', '', ''],
      ],
      [50, 40, 30, 20, 10],
    );
    expect(search(groups, 'раке груди')).to.deep.equal([0]);
    expect(search(groups, 'МОСКВА')).to.deep.equal([0]);
    expect(search(groups, 'ομαδα')).to.deep.equal([1]);
  });
  it('allows 1 edit for 4–7 characters and 2 from 8', () => {
    expect([3, 4, 7, 8, 12].map(allowedEdits)).to.deep.equal([0, 1, 1, 2, 2]);
  });
  it('computes bounded full and prefix distances (with transposition)', () => {
    expect(boundedDistance('brest', 'breast', 1)).to.deep.equal([1, 1]);
    expect(boundedDistance('leukemia', 'leukaemia', 2)[0]).to.equal(1);
    expect(boundedDistance('bresat', 'breast', 1)[0]).to.equal(1);
    const [full, prefix] = boundedDistance('melan', 'melanoma', 1);
    expect(full).to.be.greaterThan(1);
    expect(prefix).to.equal(0);
    expect(boundedDistance('zzzz', 'breast', 1)[0]).to.be.greaterThan(1);
  });
  it('treats the last token as a prefix only while it is being typed, and ignores filler words', () => {
    expect(queryTokens('bowel ca')).to.deep.equal([
      { token: 'bowel', prefix: false },
      { token: 'ca', prefix: true },
    ]);
    expect(queryTokens('groups for carers ')).to.deep.equal([{ token: 'carers', prefix: false }]);
  });
  it('filters from the first letter typed, and by a short filler word only when it is the only word', () => {
    expect(queryTokens('b')).to.deep.equal([{ token: 'b', prefix: true }]);
    expect(queryTokens('me')).to.deep.equal([{ token: 'me', prefix: true }]);
    expect(queryTokens('bowel on')).to.deep.equal([{ token: 'bowel', prefix: false }]);
    expect(queryTokens('bowel on ')).to.deep.equal([{ token: 'bowel', prefix: false }]);
    expect(queryTokens('bowel onl')).to.deep.equal([
      { token: 'bowel', prefix: false },
      { token: 'onl', prefix: true },
    ]);
    expect(queryTokens('carers for')).to.deep.equal([{ token: 'carers', prefix: false }]);
  });
  it('finds what a natural query ending in a filler word asks for, as with a space after it', () => {
    for (const q of ['breast near me', 'leukaemia group for a', 'support groups near me', 'groups for me'])
      expect(names(search(index, q)), q).to.deep.equal(names(search(index, q + ' ')));
    expect(names(search(index, 'breast near me'))).to.deep.equal(['Breast Cancer Support — Westmead', 'Coffee Morning']);
    expect(names(search(index, 'leukaemia group for a'))).to.deep.equal(['Leukaemia and Lymphoma Carers']);
    expect(search(index, 'support groups near me')).to.equal(undefined);
    expect(search(index, 'groups for me')).to.equal(undefined);
  });
});

describe('search: matching and ranking', () => {
  it('returns undefined for an empty query (everything matches)', () => {
    expect(search(index, '  ')).to.equal(undefined);
  });
  it('finds breast groups from the typo "brest", the name match first', () => {
    expect(names(search(index, 'brest '))).to.deep.equal(['Breast Cancer Support — Westmead', 'Coffee Morning']);
  });
  it('finds "leukaemia" from "leukemia" and from the synonym "blood"', () => {
    expect(names(search(index, 'leukemia '))).to.deep.equal(['Leukaemia and Lymphoma Carers']);
    expect(names(search(index, 'blood '))).to.include('Leukaemia and Lymphoma Carers');
  });
  it('uses built-in synonyms: bowel → colorectal, skin → melanoma, gynecological → ovarian', () => {
    expect(names(search(index, 'bowel '))).to.deep.equal(['Colorectal Connect']);
    expect(names(search(index, 'skin '))[0]).to.equal('Melanoma Patients Online');
    expect(names(search(index, 'gynecological '))).to.deep.equal(['Ovarian Cancer Circle']);
  });
  it('uses config synonyms', () => {
    expect(names(search(index, 'pca '))).to.deep.equal(['Café Crème Prostate Group']);
  });
  it('matches prefixes as you type, accents ignored', () => {
    expect(names(search(index, 'mela'))).to.deep.equal(['Melanoma Patients Online']);
    expect(names(search(index, 'creme'))).to.deep.equal(['Café Crème Prostate Group']);
    expect(names(search(index, 'parra'))).to.deep.equal(['Colorectal Connect']);
  });
  it('matches one typed letter as the start of a word, ranked by field', () => {
    expect(names(search(index, 'm'))).to.deep.equal([
      'Melanoma Patients Online',
      'Coffee Morning',
      'Café Crème Prostate Group',
      'Breast Cancer Support — Westmead',
    ]);
    expect(names(search(index, 'breast m'))).to.deep.equal(['Breast Cancer Support — Westmead', 'Coffee Morning']);
  });
  it('counts a word written twice once, keeping the last (which may be the one being typed)', () => {
    expect(queryTokens('bowel carers bowel')).to.deep.equal([
      { token: 'carers', prefix: false },
      { token: 'bowel', prefix: true },
    ]);
  });
  it('ranks a query of a hundred matching words without wrapping its sort key (it named no group)', () => {
    // Each word adds up to a name's weight (50): a hundred distinct ones pass the key's score ceiling (4096).
    const words = Array.from(
      { length: 100 },
      (_, i) => `zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`,
    );
    const many = buildIndex([['Coffee morning'], [words.join(' ')]], [50]);
    expect(search(many, words.join(' '))).to.deep.equal([1]);
  });
  it('requires every word to match', () => {
    expect(names(search(index, 'breast penrith '))).to.deep.equal(['Coffee Morning']);
    expect(names(search(index, 'breast zzzz '))).to.deep.equal([]);
  });
  it('ranks name over cancer type over suburb over organization over description', () => {
    const ranked = buildIndex(
      [
        ['A', [], '', '', 'westmead'],
        ['B', [], '', 'westmead', ''],
        ['C', [], 'westmead', '', ''],
        ['D', ['westmead'], '', '', ''],
        ['Westmead', [], '', '', ''],
      ],
      [50, 40, 30, 20, 10],
    );
    expect(search(ranked, 'westmead ')).to.deep.equal([4, 3, 2, 1, 0]);
  });
  it('builds the same index in steps of 250 documents, then the sorting in five (no long task at 10,000, even on a phone)', () => {
    const many = Array.from({ length: 2500 }, (_, i) => [`Group ${i} by the river`, i % 2 ? ['breast'] : ['bowel']]);
    const steps = indexSteps(many, [50, 40]);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    // After the documents, a step each: the terms sorted, renumbered, counted, their postings placed, synonyms.
    expect(pauses).to.equal(2500 / 250 + 5);
    const whole = buildIndex(many, [50, 40]);
    expect(r.value.terms).to.deep.equal(whole.terms);
    expect([...r.value.docs]).to.deep.equal([...whole.docs]);
    // Documents read one at a time as the steps reach them (the finder's way) give the same index.
    const read: number[] = [];
    const lazy = buildIndex({ length: many.length, fieldsOf: (d) => (read.push(d), many[d]!) }, [50, 40]);
    expect(read).to.deep.equal(many.map((_, d) => d));
    expect(lazy.terms).to.deep.equal(whole.terms);
    expect([...lazy.docs]).to.deep.equal([...whole.docs]);
    expect([...lazy.weights]).to.deep.equal([...whole.weights]);
    // Filler words are not indexed.
    expect(whole.terms).to.include('river').and.not.include('by').and.not.include('the');
    expect(search(r.value, 'breast 7 ')).to.deep.equal([7]);
  });
  it('matches a multi-word synonym by all of its words, not only its longest', () => {
    const groups = [
      ['Colon Cancer Circle'],
      ['Breast Cancer Group'],
      ['Small Cell Lung Group'],
      ['Lung Group'],
      ['CRC Friends'],
      ['SCLC Café'],
      ['Small Steps'],
    ];
    const phrased = buildIndex(groups, [50], { crc: ['colon cancer'], sclc: ['small cell lung'] });
    // "colon cancer" is "colon" as a query reads it ("cancer" narrows no search); it used to be "cancer": every group.
    expect(search(phrased, 'crc ')).to.deep.equal([4, 0]);
    expect(search(phrased, 'colon cancer ')).to.deep.equal([0, 4]);
    // "small cell lung": groups with all three words, not every "small" (its longest word).
    expect(search(phrased, 'sclc ')).to.deep.equal([5, 2]);
    expect(search(phrased, 'scl')).to.deep.equal([5, 2]);
    expect(search(phrased, 'small ')).to.deep.equal([2, 6]);
  });
  it('finds a multi-word synonym’s other words from the phrase typed in full, as they find it ("small cell lung": "sclc")', () => {
    const groups = [['Small Cell Lung Group'], ['SCLC Café'], ['Small Steps'], ['Lung Group'], ['SCLC and small steps']];
    const phrased = buildIndex(groups, [50], { sclc: ['small cell lung'] });
    // The phrase's own groups first (each word found as written), then those with its synonym.
    expect(search(phrased, 'small cell lung ')).to.deep.equal([0, 4, 1]);
    expect(search(phrased, 'small cell lung'), 'its last word as typed').to.deep.equal([0, 4, 1]);
    expect(search(phrased, 'lung small cell '), 'in any order').to.deep.equal([0, 4, 1]);
    expect(search(phrased, 'small cell lung café ')).to.deep.equal([1]);
    // Not before the phrase is whole.
    expect(search(phrased, 'small cell ')).to.deep.equal([0]);
    expect(search(phrased, 'small cell lu')).to.deep.equal([0]);
    expect(search(phrased, 'sclc ')).to.deep.equal([1, 4, 0]);
  });
  it('ranks exact matches above typo matches', () => {
    const i = buildIndex([['Lunge class'], ['Lung group']], [50]);
    expect(search(i, 'lung ')).to.deep.equal([1, 0]);
  });
});
