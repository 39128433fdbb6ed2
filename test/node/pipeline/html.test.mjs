// Post HTML in Node (src/pipeline/sources/html.ts): the widget's own reduceHtml over parse5, written back as
// escaped HTML. What a remote server sends must come out as text or as the few safe elements, never as markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pipeline } from './load.mjs';

const { reduceToHtml, storedPost } = await pipeline();

test('markup that could run or load is dropped or becomes text', () => {
  const cases = [
    ['<style>p{}</style><title>t</title><p>Hi</p>', '<p>Hi</p>'],
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<img src=x onerror=alert(1)>x', 'x'],
    ['<svg><a href="javascript:alert(1)">svg</a></svg>ok', 'ok'],
    ['<a href="jav&#x61;script:alert(1)">encoded</a>', 'encoded'],
    ['<a href=" javascript:alert(1)">spaced</a>', 'spaced'],
    ['<a href="//evil.example/x">protocol-relative</a>', 'protocol-relative'],
    ['<a href="/relative">relative</a>', 'relative'],
    ['<A HREF="https://ok.example/a?b=1&amp;c=2" ONCLICK="x()">Upper</A>', '<a href="https://ok.example/a?b=1&amp;c=2">Upper</a>'],
    [
      '<a href=\'https://ok.example/"onmouseover="alert(1)\'>quoted</a>',
      '<a href="https://ok.example/%22onmouseover=%22alert(1)">quoted</a>',
    ],
    ['<template><p>hidden</p></template><noscript>n</noscript><p>shown</p>', '<p>shown</p>'],
    ['<p>1 &lt; 2 &amp;&amp; "quotes" \'too\'</p>', '<p>1 &lt; 2 &amp;&amp; &quot;quotes&quot; &#39;too&#39;</p>'],
    ['<!-- <script>alert(1)</script> --><p>after a comment</p>', '<p>after a comment</p>'],
    [
      '<span class="h-card evil"><a href="https://m.example/@a" class="u-url mention">@<span>a</span></a></span>',
      '<span class="h-card"><a href="https://m.example/@a">@<span>a</span></a></span>',
    ],
    ['<div>block</div><ul><li>one</li></ul>', 'block<br>one<br><br>'],
    ['<p>unclosed <a href="https://ok.example">link', '<p>unclosed <a href="https://ok.example/">link</a></p>'],
  ];
  for (const [input, html] of cases) assert.equal(reduceToHtml(input).html, html, input);
});

test('the plain text of reduced HTML: paragraphs on their own lines, entities decoded, nothing hidden', () => {
  assert.deepEqual(reduceToHtml('<p>One &amp; two</p><p>Three<br>four</p><script>x</script>'), {
    html: '<p>One &amp; two</p><p>Three<br>four</p>',
    text: 'One & two\nThree\nfour',
  });
});

test('a stored post never keeps nodes; its html is reduced and its text filled in', () => {
  const base = {
    id: '1',
    url: 'https://m.example/@a/1',
    createdAt: '2026-11-01T00:00:00Z',
    author: { name: 'A', handle: '@a@m.example', url: 'https://m.example/@a' },
  };
  assert.deepEqual(storedPost({ ...base, html: '<p>Hi <b>there</b><script>x</script></p>' }), {
    ...base,
    html: '<p>Hi there</p>',
    text: 'Hi there',
  });
  assert.deepEqual(
    storedPost({ ...base, text: 'As written', nodes: [{ tag: 'p', kids: ['<b>', { tag: 'a', href: 'javascript:x', kids: ['no'] }] }] }),
    {
      ...base,
      text: 'As written',
      html: '<p>&lt;b&gt;no</p>',
    },
  );
  assert.deepEqual(storedPost({ ...base, text: 'Plain only' }), { ...base, text: 'Plain only' });
});
