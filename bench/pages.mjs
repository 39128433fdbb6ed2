// CareCircle's pages in the benchmarks, shared by `npm run bench` (bench/run.mjs, which sets the peers' beside them)
// and `npm run trace` (bench/trace.mjs), so that what is traced is what is timed.
import { PNG } from 'pngjs';
import { chat, groups, statuses, MASTODON } from '../test/e2e/lib/data.mjs';

/** A mocked JSON API answer, readable from any origin. */
export const jsonRoute = (body) => (route) =>
  route.fulfill({
    status: 200,
    contentType: 'application/json',
    headers: { 'access-control-allow-origin': '*' },
    body: JSON.stringify(body),
  });

// ------------------------------------------------------------------ 40 feed posts
/** Each post's text, the same in ours and the peer's. */
export const text = (i) => `Community post ${i} about support after treatment #bcsm`;
/** The posts with a photo (no size given for it). */
export const IMAGE_POSTS = [1, 4];
export const mastodon40 = statuses(40).map((s, i) => ({
  ...s,
  content: `<p>${text(i)}</p>`,
  account: { ...s.account, display_name: `Member ${i}` },
  ...(IMAGE_POSTS.includes(i) && {
    media_attachments: [
      {
        id: `m${i}`,
        type: 'image',
        url: `${MASTODON}/media/${i}.png`,
        preview_url: `${MASTODON}/media/${i}.png`,
        description: 'A photo',
        meta: {},
      },
    ],
  }),
}));
/** In the page: whether the element `sel` shows the last post. */
export const lastPost = (sel) => {
  const host = document.querySelector(sel);
  return !!host?.shadowRoot && host.shadowRoot.textContent.includes('Community post 39 about');
};
// Avatars and two posts' photos load for real (a 400×300 PNG from a mocked host, 150 ms late), as on a live
// page, so a box that does not reserve its size shows up as layout shift.
const picture = (() => {
  const png = new PNG({ width: 400, height: 300 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([40 + ((i >> 6) % 180), 120, 160, 255], i);
  return PNG.sync.write(png);
})();
export const imageRoute = (route) =>
  setTimeout(
    () =>
      route
        .fulfill({ status: 200, contentType: 'image/png', headers: { 'access-control-allow-origin': '*' }, body: picture })
        .catch(() => {}),
    150,
  );
export const feedPage = (element) => `<h1>Community</h1>${element}<footer>Footer text</footer>`;
export const fallback = '<p>Loading… if nothing appears, call 13 11 20.</p>';
export const careFeedSpec = {
  modules: ['/dist/care-hashtag-feed.js'],
  body: feedPage(
    `<care-hashtag-feed><script type="application/json">${JSON.stringify({ hashtag: 'bcsm', limit: 40, refreshSeconds: 0, sources: [{ type: 'mastodon', instance: MASTODON }] })}</script>${fallback}</care-hashtag-feed>`,
  ),
};
export const careFeedRoutes = [
  [`${MASTODON}/api/v1/timelines/tag/**`, jsonRoute(mastodon40)],
  [`${MASTODON}/{avatars,media}/**`, imageRoute],
];

// ------------------------------------------------------------------ 50 chats with calendar controls
export const chats50 = Array.from({ length: 50 }, (_, i) => chat(i));
export const careChatSpec = {
  modules: ['/dist/care-chat-schedule.js'],
  body: `<h1>Chats</h1><care-chat-schedule><script type="application/json">${JSON.stringify({ chats: chats50, show: 50, filters: false })}</script>${fallback}</care-chat-schedule><footer>Footer text</footer>`,
};
/** In the page: each chat's calendar control (its closed "Add to calendar" menu) is in the DOM. */
export const allCareChats = () => {
  const host = document.querySelector('care-chat-schedule');
  return !!host?.shadowRoot && host.shadowRoot.querySelectorAll('[part=chat] details.calendar').length >= 50;
};

// ------------------------------------------------------------------ 10,000 groups
/** The long list's config, set on a loaded page (made when asked: 10,000 groups take a moment). */
export const longList = () => ({ groups: groups(10000), pageSize: 20 });
