import { expect } from '@open-wc/testing';
import { clockRunning, everyMinute } from '../../../src/core/time/clock.js';

// A frozen clock: Date.now and the timer functions are replaced, and time moves only when the test says so.
function fakeTime(start: number) {
  const real = { now: Date.now, set: globalThis.setTimeout, clear: globalThis.clearTimeout };
  let now = start;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let id = 0;
  Date.now = () => now;
  globalThis.setTimeout = ((fn: () => void, ms = 0) => (timers.set(++id, { at: now + ms, fn }), id)) as typeof setTimeout;
  globalThis.clearTimeout = ((i: number) => void timers.delete(i)) as typeof clearTimeout;
  return {
    timers,
    /** Moves the clock forward, firing due timers in order. */
    advance(ms: number) {
      const end = now + ms;
      for (let next; (next = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]);) {
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
    restore: () => Object.assign(globalThis, { setTimeout: real.set, clearTimeout: real.clear }) && (Date.now = real.now),
  };
}

describe('shared minute clock', () => {
  let time: ReturnType<typeof fakeTime>;
  afterEach(() => time.restore());

  it('fires once just after each minute boundary for every listener, with one timer', () => {
    const boundary = Date.UTC(2026, 2, 1, 12, 0);
    time = fakeTime(boundary - 40);
    const a: number[] = [];
    const b: number[] = [];
    const offA = everyMinute((t) => a.push(t));
    const offB = everyMinute((t) => b.push(t));
    expect(clockRunning()).to.equal(true);
    expect(time.timers.size).to.equal(1);
    time.advance(39);
    expect(a).to.deep.equal([]);
    time.advance(300);
    expect(a).to.have.length(1);
    expect(b).to.deep.equal(a);
    expect(a[0]! - boundary).to.be.within(0, 999);
    time.advance(6e4);
    expect(a).to.have.length(2);
    expect(a[1]! - boundary - 6e4).to.be.within(0, 999);
    expect(time.timers.size).to.equal(1);
    offA();
    expect(clockRunning()).to.equal(true);
    offB();
    expect(clockRunning()).to.equal(false);
    expect(time.timers.size).to.equal(0);
  });
});
