// Keystroke-to-results latency at 1,000 and 10,000 generated groups: p95 must stay within one frame (16 ms).
// This machine may be shared: a fixed reference loop (≈10 ms of CPU on an idle machine, measured with
// process.cpuUsage in Node) is timed beside the keystrokes (median of many), and the budget is scaled by how
// much slower it ran. Typing starts a second after the first render, as a person would.
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { validate } from '../../../src/core/config/validate.js';
import { supportGroupsSchema } from '../../../src/widgets/support-groups/support-groups.schema.js';
import { generateGroups } from '../../fixtures/support-groups/generate.js';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const PHRASES = ['breast cancer carers', 'brest', 'leukemia westmead', 'bowel online', 'mela', 'prostate penrith peer'];
const IDLE_REFERENCE_MS = 10;
let sink = 0;
const reference = () => {
  const s = performance.now();
  let x = 0;
  for (let i = 0; i < 1e7; i++) x = (x + Math.imul(i, 2654435761)) | 0;
  sink ^= x;
  return performance.now() - s;
};
for (let i = 0; i < 5; i++) reference(); // warm the JIT

for (const n of [1000, 10000]) {
  describe(`benchmark: ${n} groups`, function () {
    this.timeout(120000);
    it('keeps every keystroke within a frame and the first render quick', async () => {
      const groups = generateGroups(n, 3);
      const rounds = 3;
      const best: number[] = [];
      const refs: number[] = [];
      let firstRender = Infinity;
      let validation = Infinity;
      for (let round = 0; round < rounds; round++) {
        const v = performance.now();
        validate(supportGroupsSchema, { groups });
        validation = Math.min(validation, performance.now() - v);
        const t0 = performance.now();
        let t1 = 0;
        const el = await fixture<CareSupportGroups>(html`<care-support-groups .config=${{ groups, urlState: false }} @care-ready=${() => (t1 = performance.now())}></care-support-groups>`);
        await waitUntil(() => t1, 'no render', { timeout: 30000, interval: 5 });
        firstRender = Math.min(firstRender, t1 - t0);
        const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
        await new Promise((r) => setTimeout(r, 1000));
        let k = 0;
        for (const phrase of PHRASES) {
          for (let i = 1; i <= phrase.length; i++, k++) {
            input.value = phrase.slice(0, i);
            const s = performance.now();
            input.dispatchEvent(new Event('input'));
            await el.updateComplete;
            best[k] = Math.min(best[k] ?? Infinity, performance.now() - s);
          }
          refs.push(reference());
          input.value = '';
          input.dispatchEvent(new Event('input'));
          await el.updateComplete;
        }
        expect(el.shadowRoot!.querySelectorAll('.group').length).to.be.at.most(20);
        el.remove();
      }
      // Capped: a loaded machine may excuse up to 3× the budget, never more.
      const slowdown = Math.min(3, Math.max(1, median(refs) / IDLE_REFERENCE_MS));
      const p = p95(best);
      console.log(
        `[bench] ${n} groups: keystroke p95 ${p.toFixed(1)} ms (max ${Math.max(...best).toFixed(1)}, ${best.length} keystrokes, best of ${rounds}); ` +
          `validation ${validation.toFixed(0)} ms, validation+index+first render ${firstRender.toFixed(0)} ms; machine slowdown ×${slowdown.toFixed(1)} ` +
          `→ normalised p95 ${(p / slowdown).toFixed(1)} ms, index+first render ${((firstRender - validation) / slowdown).toFixed(0)} ms`,
      );
      expect(p / slowdown).to.be.below(16);
      expect((firstRender - validation) / slowdown).to.be.below(n > 1000 ? 100 : 50);
    });
  });
}
