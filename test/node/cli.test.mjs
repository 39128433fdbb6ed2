// `carecircle check` (dist/cli/carecircle.mjs, the package's bin), run as a web team's CI would run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'carecircle-cli-'));
const file = (name, data) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};
const cli = (...args) => {
  const r = spawnSync(process.execPath, ['dist/cli/carecircle.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
};
const cdn = (tag) => `https://cdn.jsdelivr.net/npm/carecircle@0.1.0/dist/schema/${tag}.schema.json`;
const chat = { id: 'bcsm', title: '#bcsm', timeZone: 'America/New_York', start: '2026-01-05T21:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' };

test('every demo config is valid (the widget is chosen by --widget when there is no $schema)', () => {
  for (const widget of ['hashtag-feed', 'support-groups', 'chat-schedule']) {
    const files = readdirSync(`demo/data/${widget}`)
      .filter((f) => f.endsWith('.json'))
      .map((f) => `demo/data/${widget}/${f}`);
    const r = cli('check', '--widget', `care-${widget}`, ...files);
    assert.equal(r.code, 0, r.out);
    assert.equal(r.out.match(/: valid\./g)?.length, files.length, r.out);
  }
});

test('prints the same path-by-path messages as the widget, with "did you mean", and exits 1', () => {
  const bad = file('feed.json', {
    $schema: cdn('care-hashtag-feed'),
    hashtag: 'bcsm',
    sources: [{ type: 'mastodon', instnce: 'https://mastodon.social' }],
    limit: -3,
  });
  const r = cli('check', bad);
  assert.equal(r.code, 1);
  assert.match(r.out, /<care-hashtag-feed>\): 3 problems/);
  assert.match(r.out, /^ {2}sources\.0\.instnce: Unknown setting "instnce"\. Did you mean "instance"\?$/m);
  assert.match(r.out, /^ {2}sources\.0\.instance: Required: add a text value\.$/m);
  assert.match(r.out, /^ {2}limit: Must be at least 1\.$/m);
});

test('checks what only the widget can: time-zone names, repeat rules, real dates', () => {
  const bad = file('chats.json', {
    $schema: './care-chat-schedule.schema.json',
    chats: [
      { ...chat, timeZone: 'Mars/Olympus' },
      { ...chat, id: 'b', rrule: 'EVERY MONDAY' },
      { ...chat, id: 'c', start: '2026-02-30T21:00' },
    ],
  });
  const r = cli('check', bad);
  assert.equal(r.code, 1);
  assert.match(r.out, /chats\.0 \(“bcsm”\)\.timeZone|chats\.0\.timeZone \(“bcsm”\): Not a known time-zone name/);
  assert.match(r.out, /chats\.1\.rrule \(“b”\): Cannot read this repeat rule/);
  assert.match(r.out, /chats\.2\.start \(“c”\): Must be a real date/);
  assert.match(r.out, /the widget skips these and shows the rest/);
});

test('a skipped group is a problem too, named by its id', () => {
  const groups = file('groups.json', {
    groups: [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B', audiences: ['nurse'] },
    ],
  });
  const r = cli('check', '--widget=care-support-groups', groups);
  assert.equal(r.code, 1);
  assert.match(
    r.out,
    /groups\.1\.audiences\.0 \(“b”\): Must be one of "patient", "carer", "family", "professional"; got the text "nurse"\./,
  );
});

test('valid files pass; several files are counted', () => {
  const ok = file('ok.json', { $schema: cdn('care-chat-schedule'), chats: [chat] });
  const groups = file('ok-groups.json', { $schema: cdn('care-support-groups') });
  const r = cli('check', ok, groups);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /2 of 2 config files valid\./);
});

test('bad JSON, an unknown widget and a missing file are reported, not thrown', () => {
  const broken = file('broken.json', '{ "chats": [ }');
  let r = cli('check', '--widget', 'care-chat-schedule', broken);
  assert.equal(r.code, 1);
  assert.match(r.out, /broken\.json: not valid JSON/);
  assert.doesNotMatch(r.out, /at .*\.mjs:\d+/, 'no stack trace');
  r = cli('check', file('plain.json', { chats: [] }));
  assert.equal(r.code, 1);
  assert.match(r.out, /Cannot tell which widget/);
  r = cli('check', '--widget', 'care-chat', broken);
  assert.equal(r.code, 2);
  assert.match(r.out, /Unknown widget "care-chat"/);
  r = cli('check', join(dir, 'nope.json'));
  assert.equal(r.code, 1);
  assert.match(r.out, /cannot read it \(ENOENT\)/);
  r = cli();
  assert.equal(r.code, 2);
  assert.match(r.out, /Usage: carecircle check/);
});
