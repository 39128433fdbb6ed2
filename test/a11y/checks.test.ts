import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/define/all.js';
import * as chatScheduleStories from '../../stories/chat-schedule.stories.js';
import { renderStory, settle, widgetsIn, type Meta, type Story } from '../helpers/stories.js';
import {
  clippedText,
  expandAll,
  focusProblems,
  forcedColourProblems,
  inlineInSentence,
  motionProblems,
  overflowProblems,
  smallTargets,
} from './checks.js';

// The checks themselves must be able to fail: break one rule at a time in a real widget's shadow root
// (an extra style sheet after the widget's own) and each check must name the broken thing.
describe('a11y layout: the checks catch what they look for', function () {
  this.timeout(60000);
  const meta = chatScheduleStories.default as Meta;
  const story = chatScheduleStories.WeekOfChats as unknown as Story;
  const broken = async (rule: string, wrapper = '') => {
    const host = await renderStory('self-test', meta, story, wrapper);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rule);
    for (const w of widgetsIn(host)) w.shadowRoot!.adoptedStyleSheets = [...w.shadowRoot!.adoptedStyleSheets, sheet];
    await settle(host);
    return host;
  };
  before(() => setViewport({ width: 320, height: 800 }));
  afterEach(() => emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' }));

  it('the unbroken story passes every check', async () => {
    const host = await broken('');
    expect([
      ...overflowProblems(host, 320),
      ...smallTargets(host),
      ...clippedText(host),
      ...forcedColourProblems(host),
      ...motionProblems(host),
    ]).to.deep.equal([]);
  });
  it('a wide list is overflow', async () => {
    expect(overflowProblems(await broken('ol { inline-size: 400px; }'), 320).join()).to.match(/scrolls sideways|outside the 320px/);
  });
  it('a small button is a small target; a link in a sentence is not', async () => {
    const host = await broken('.button { min-block-size: 0 !important; padding: 0 !important; line-height: 1 !important; }');
    expect(smallTargets(host).join()).to.match(/a\.button ".*" is \d+×\d+px/);
    const sentence = document.createElement('p');
    sentence.innerHTML = 'Read <a href="#x">the guide</a> before the chat.';
    widgetsIn(host)[0]!.shadowRoot!.append(sentence);
    expect(inlineInSentence(sentence.querySelector('a')!)).to.equal(true);
    expect(smallTargets(host).join()).not.to.contain('the guide');
  });
  it('text cut off by overflow: hidden is clipped text', async () => {
    expect(clippedText(await broken('.meta { inline-size: 5em; white-space: nowrap; overflow: hidden; }')).join()).to.contain(
      'text wider than its box',
    );
  });
  it('a focus style removed is no visible focus indicator', async () => {
    const host = await broken(':focus-visible { outline: none !important; box-shadow: none !important; }');
    expect((await focusProblems(host)).problems.join()).to.contain('no visible focus indicator');
  });
  it('focus under a sticky cover is obscured focus', async () => {
    const host = await broken('.bar::after { content: ""; position: fixed; inset: 0; background: white; z-index: 9; }');
    expect((await focusProblems(host)).problems.join()).to.contain('hidden under other content');
  });
  it('a disclosure without marker or border fails in forced colours', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const host = await broken('summary { display: block !important; }');
    await expandAll(host);
    expect(forcedColourProblems(host).join()).to.contain('disclosure has neither a marker nor a border');
  });
  it('a transition left under reduced motion is caught', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(motionProblems(await broken('a { transition: color 2s !important; }')).join()).to.contain('has a transition');
  });
});
