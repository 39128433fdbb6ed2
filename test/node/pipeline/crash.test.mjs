// Crash safety: collect, publish and decisions are killed (SIGKILL: no cleanup runs) at random points of a
// large run, many times. After every kill the state folder loads with no unreadable file, no approved post is
// lost, the audit log still parses, the published snapshot is whole, and the next run takes over the dead
// run's locks and succeeds. The seed is printed; CRASH_SEED=<n> replays a run, CRASH_ROUNDS=<n> runs longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lib, tempDir, cliPath, cliAsync } from './helpers.mjs';

const { FileStore } = lib;
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1e9);
const rounds = Number(process.env.CRASH_ROUNDS ?? 15);
// mulberry32: a small seeded generator, so a failing run can be replayed.
let s = seed >>> 0;
const random = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const exported = (n, edit = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    url: `https://mastodon.example/@member${i % 50}/${200000 + i}`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    author: { name: `Member ${i % 50}`, handle: `@member${i % 50}@mastodon.example`, url: `https://mastodon.example/@member${i % 50}` },
    // Posts of member 0 are auto-approved and never edited: an edit would rightly send them back to review.
    text: `Post ${i} from the community${i % 50 && i % 3 === 0 && edit ? `, edited ${edit} times` : ''}, about getting through treatment one day at a time.`,
  }));

/** Starts a command and kills it with SIGKILL after `ms`; resolves with how it ended. */
const killedAfter = (args, ms) =>
  new Promise((done) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => (clearTimeout(timer), done({ code, signal })));
  });

test(
  `state survives SIGKILL at random points of collect, publish and decisions (${rounds} rounds, CRASH_SEED=${seed})`,
  { timeout: 600_000 },
  async (t) => {
    t.diagnostic(`CRASH_SEED=${seed}`);
    const dir = tempDir('crash');
    const file = join(dir, 'carecircle.pipeline.json');
    writeFileSync(
      file,
      JSON.stringify({
        site: { name: 'Crash test', url: 'https://hospital.example/contact' },
        hashtag: 'bcsm',
        sources: [{ type: 'file', path: 'export.json' }],
        rules: { autoApprove: ['@member0@mastodon.example'] },
        // Its posts' servers do not exist: nothing to recheck.
        publish: { limit: 5000, recheck: false },
      }),
    );
    let size = 1500;
    let edits = 0;
    writeFileSync(join(dir, 'export.json'), JSON.stringify(exported(size)));
    // The first run, uninterrupted, measures how long a run takes: kills land anywhere within it.
    const started = Date.now();
    assert.equal((await cliAsync(['collect', '--config', file])).code, 0);
    // How long each command takes uninterrupted (updated every round): kills land anywhere within it.
    const spans = { collect: Date.now() - started };
    const approved = new Set((await new FileStore(join(dir, 'state')).list({ state: 'approved' })).map((r) => r.key));
    assert.equal(approved.size, 30, 'member0 posts auto-approved');

    let kills = 0;
    for (let round = 0; round < rounds; round++) {
      // Something to do: new posts and edited ones for collect; pending posts to approve.
      size += 150;
      edits++;
      writeFileSync(join(dir, 'export.json'), JSON.stringify(exported(size, edits)));
      // Only posts the export never edits: an edit would rightly send an approved post back to review.
      const pending = (await new FileStore(join(dir, 'state')).list({ state: 'pending' }))
        .filter((r) => Number(r.post.id.slice(1)) % 3 !== 0)
        .slice(0, 40)
        .map((r) => r.key);
      const commands = [['collect'], ['publish'], ['approve', ...pending, '--reason', 'crash test']];
      const args = [...commands[round % 3], '--config', file];
      const span = spans[args[0]] ?? spans.collect;
      const end = await killedAfter(args, Math.floor(span * (0.05 + random() * 0.9)));
      if (end.signal === 'SIGKILL') kills++;

      // Whatever happened, the state is whole.
      const store = new FileStore(join(dir, 'state'));
      const records = await store.list();
      assert.deepEqual(store.problems, [], `round ${round} (${args[0]}): unreadable files`);
      for (const key of approved) {
        const r = records.find((x) => x.key === key);
        assert.equal(r?.state, 'approved', `round ${round} (${args[0]}): approved post ${key} lost`);
      }
      const lines = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean);
      const bad = lines.filter((l) => {
        try {
          return !JSON.parse(l).action;
        } catch {
          return true;
        }
      });
      assert.ok(bad.length <= kills, `round ${round}: ${bad.length} audit lines cut, more than the ${kills} kills`);
      const snapshot = join(dir, 'public', 'bcsm.json');
      if (existsSync(snapshot)) {
        const posts = JSON.parse(readFileSync(snapshot, 'utf8')).posts;
        const states = new Map(records.map((r) => [r.post.url, r.state]));
        assert.ok(
          posts.every((p) => states.has(p.url)),
          `round ${round}: the snapshot names a post the store lacks`,
        );
      }

      // The same command again, uninterrupted: it takes over the dead run's locks and finishes.
      const t0 = Date.now();
      const again = await cliAsync(args);
      spans[args[0]] = Date.now() - t0;
      assert.equal(again.code, 0, `round ${round} (${args[0]}) after a kill: ${again.all}`);
      assert.equal(existsSync(join(dir, 'state', 'run.lock')), false);
      assert.equal(existsSync(join(dir, 'state', 'write.lock')), false);
      for (const r of await new FileStore(join(dir, 'state')).list({ state: 'approved' })) approved.add(r.key);
    }
    t.diagnostic(`${kills} of ${rounds} runs were killed mid-run; ${approved.size} approved posts all kept`);
    assert.ok(kills >= Math.ceil(rounds / 2), `only ${kills} runs were killed before they finished: the kills did not land`);
  },
);
