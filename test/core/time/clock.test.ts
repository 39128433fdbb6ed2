import { expect } from '@open-wc/testing';
import { clockRunning, everyMinute } from '../../../src/core/time/clock.js';

describe('shared minute clock', () => {
  const realNow = Date.now;
  afterEach(() => (Date.now = realNow));

  it('fires once just after the minute boundary for every listener, with one timer', async () => {
    // Pretend it is 40 ms before a minute boundary.
    const base = Math.floor(realNow() / 6e4) * 6e4 + 6e4 - 40;
    const started = realNow();
    Date.now = () => base + (realNow() - started);
    const a: number[] = [];
    const b: number[] = [];
    const offA = everyMinute((t) => a.push(t));
    const offB = everyMinute((t) => b.push(t));
    expect(clockRunning()).to.equal(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(a).to.have.length(1);
    expect(b).to.deep.equal(a);
    expect(a[0]! % 6e4).to.be.below(1000);
    offA();
    expect(clockRunning()).to.equal(true);
    offB();
    expect(clockRunning()).to.equal(false);
  });
});
