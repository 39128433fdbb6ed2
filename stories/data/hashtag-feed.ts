// Story and demo data for <care-hashtag-feed>: fictional but plausible #bcsm posts (a Sydney hospital's
// breast service, a UK charity, clinicians and patients). Times are relative to `now`, so stories always
// read "5 minutes ago"; the demo JSON files are generated from the same data with a fixed `now`.
import type { PostInput } from '../../src/sources/posts.js';

/** A picture served beside the stories (stories/assets/), so no story hotlinks another site. */
const asset = (name: string) => new URL(`../assets/${name}`, import.meta.url).href;

const tag = (host: string, name: string) =>
  `<a href="https://${host}/tags/${name}" class="mention hashtag" rel="tag">#<span>${name}</span></a>`;
const mention = (host: string, user: string) =>
  `<span class="h-card"><a href="https://${host}/@${user}" class="u-url mention">@<span>${user}</span></a></span>`;

interface Author {
  name: string;
  handle: string;
  url: string;
  avatar?: string;
}
const who = (name: string, user: string, host: string, avatar = false): Author => ({
  name,
  handle: `@${user}@${host}`,
  url: `https://${host}/@${user}`,
  ...(avatar ? { avatar: `https://${host}/avatars/${user}.png` } : {}),
});

export const authors = {
  hospital: who('Parramatta River Breast Cancer Service', 'prhbreast', 'health.social.example'),
  surgeon: who('Dr Anika Rao', 'dr_rao', 'mastodon.social'),
  nurse: who('Helen Murray, breast care nurse', 'helen_bcn', 'aus.social'),
  charity: who('Pink Thread Breast Cancer Care', 'pinkthread', 'mastodon.org.uk'),
  jo: who('Jo Tanaka', 'jo_tanaka', 'mastodon.au'),
  priya: who('Priya 🌻', 'priya_writes', 'aus.social'),
  mel: who('Mel (she/her)', 'melinthemountains', 'mastodon.au'),
  siobhan: who('Siobhán Ní Bhriain', 'siobhan', 'mastodon.ie'),
  dave: who('Dave K', 'dave_k', 'mastodon.social'),
  spam: who('Miracle Health Secrets', 'curesecrets', 'spam.example'),
};

/** Roles (trust badges) for the accounts above. */
export const roles = {
  '@dr_rao@mastodon.social': 'Breast surgeon',
  '@helen_bcn@aus.social': 'Breast care nurse',
  '@prhbreast@health.social.example': 'Parramatta River Hospital',
  'pinkthread@mastodon.org.uk': 'Pink Thread (charity)',
};

/** The curated #bcsm posts, newest first, `minutes` before `now`. */
export function curatedPosts(now = Date.now()): PostInput[] {
  const at = (minutes: number) => new Date(now - minutes * 60000).toISOString();
  const host = (a: Author) => new URL(a.url).host;
  const p = (id: string, minutes: number, a: Author, body: Partial<PostInput>): PostInput => ({
    id,
    url: `${a.url}/${113560000000000000 + Number(id.replace(/\D/g, '')) * 7919}`,
    createdAt: at(minutes),
    author: a,
    language: 'en',
    ...body,
  });
  const { hospital, surgeon, nurse, charity, jo, priya, mel, siobhan, dave } = authors;
  return [
    p('bcsm-1', 6, nurse, {
      html: `<p>Tonight's ${tag(host(nurse), 'bcsm')} chat topic is fatigue after radiotherapy. Bring your questions, and your tips: what actually helped you?</p><p>9pm ET / 1pm AEDT tomorrow.</p>`,
    }),
    p('bcsm-2', 24, jo, {
      html: `<p>Cycle 4 of 6 done ✅ Cold cap is working so far, most of my hair is still here. Thank you ${mention(host(nurse), 'helen_bcn')} for talking me through it. ${tag(host(jo), 'bcsm')} ${tag(host(jo), 'chemo')}</p>`,
    }),
    p('bcsm-3', 55, surgeon, {
      html: `<p>A question I get every week: does a lumpectomy plus radiotherapy work as well as a mastectomy for early breast cancer? For most people, yes: long-term survival is the same. The right choice depends on you, so ask your team. ${tag(host(surgeon), 'bcsm')}</p><p>Plain-language summary: <a href="https://www.cancer-info.example/breast/surgery-choices" rel="nofollow noopener noreferrer" target="_blank"><span class="invisible">https://www.</span><span class="ellipsis">cancer-info.example/breast/sur</span><span class="invisible">gery-choices</span></a></p>`,
    }),
    p('bcsm-4', 80, priya, {
      contentWarning: 'Surgery photo (healed scar)',
      sensitive: true,
      text: 'Six months since my mastectomy. Posting this for anyone scared of what it looks like afterwards: this is mine, healed. #bcsm',
      media: [
        {
          url: asset('scar.svg'),
          alt: 'A healed horizontal scar across the left side of a flat chest, six months after surgery',
          type: 'image',
        },
      ],
    }),
    p('bcsm-5', 130, charity, {
      html: `<p>Our free Helpline is open 9am to 5pm, Monday to Friday, and our nurses can talk through a new diagnosis, treatment side effects or worries about going back to work. ${tag(host(charity), 'bcsm')} ${tag(host(charity), 'BreastCancer')}</p>`,
      language: 'en-GB',
      media: [
        {
          url: asset('helpline.svg'),
          alt: 'Pink Thread Helpline: talk to a breast care nurse, 9am to 5pm weekdays',
          type: 'image',
        },
      ],
    }),
    p('bcsm-6', 190, mel, {
      text: 'Scanxiety is real. Results on Thursday and I have reorganised the pantry twice. Anyone else clean when they are anxious? #bcsm #scanxiety',
    }),
    p('bcsm-7', 260, siobhan, {
      html: `<p>Lymphoedema sleeve number two arrived and it is a much better fit. Tip: ask to be measured in the morning, before your arm swells. ${tag(host(siobhan), 'bcsm')}</p>`,
      media: [{ url: asset('sleeve.svg'), type: 'image' }],
    }),
    p('bcsm-8', 330, hospital, {
      html: `<p>Our breast care nurses run a free "what to expect from radiotherapy" session on the first Tuesday of each month at the Cancer Centre, level 2, and online. No referral needed. ${tag(host(hospital), 'bcsm')}</p>`,
      language: 'en-AU',
    }),
    p('bcsm-9', 420, dave, {
      text: 'Men get breast cancer too. Diagnosed at 58, finished treatment last year. If you are a bloke with a lump, get it checked. #bcsm #MaleBreastCancer',
    }),
    p('bcsm-10', 600, jo, {
      text: 'Reply to Mel: the pantry is a classic. I alphabetised my spices before my first scan. Sending calm.',
      replyTo: 'bcsm-6',
    }),
    p('bcsm-11', 900, nurse, {
      html: `<p>Reminder after last week's ${tag(host(nurse), 'bcsm')} chat: please tell your team about every supplement or "natural" remedy, even if it seems harmless. Some interact with chemo and hormone therapy.</p>`,
    }),
    p('bcsm-12', 1500, priya, {
      text: 'Día bueno hoy. Caminé 5 km con mi hermana. 🌻 #bcsm',
      language: 'es',
    }),
  ];
}

/** Posts a moderator would not want shown: blocked account, blocked words, a boost. */
export function unwantedPosts(now = Date.now()): PostInput[] {
  const at = (minutes: number) => new Date(now - minutes * 60000).toISOString();
  return [
    {
      id: 'spam-1',
      url: 'https://spam.example/@curesecrets/1',
      createdAt: at(3),
      author: authors.spam,
      text: 'Doctors HATE this: the miracle cure they hide from you! #bcsm',
    },
    {
      id: 'spam-2',
      url: 'https://aus.social/@randomuser/2',
      createdAt: at(12),
      author: who('Random user', 'randomuser', 'aus.social'),
      text: 'Skip chemo, try this alkaline diet instead. Cured in 30 days. #bcsm',
    },
    {
      id: 'boost-1',
      url: 'https://mastodon.au/@dave_k/boost',
      createdAt: at(40),
      author: authors.dave,
      text: 'Boosting: great thread on side effects',
      boostOf: 'bcsm-3',
    },
  ];
}

/** Many posts for the "100 posts" story and the benchmark. */
export function manyPosts(count: number, now = Date.now()): PostInput[] {
  const base = curatedPosts(now);
  return Array.from({ length: count }, (_, i) => {
    const p = base[i % base.length]!;
    return {
      ...p,
      id: `${p.id}-${i}`,
      url: `${p.url}${i}`,
      createdAt: new Date(now - (i + 1) * 17 * 60000).toISOString(),
      replyTo: undefined,
    };
  });
}

export const disclaimer =
  'These posts are shared publicly by patients, carers and clinicians. They are not medical advice: talk to your own care team about your treatment.';

/** The default config: curated posts only, so it works offline. */
export const bcsmConfig = (now = Date.now()) => ({
  hashtag: 'bcsm',
  sources: [{ type: 'posts', posts: curatedPosts(now) }],
  limit: 8,
  refreshSeconds: 0,
  roles,
  moderation: { blockWords: ['miracle cure', 'cured in 30 days'], blockAccounts: ['@curesecrets@spam.example'], languages: ['en'] },
});

/**
 * Holds requests to `/__pending__/…` open until they are aborted, so the loading story stays loading.
 * Installed once; every other request passes through untouched.
 */
export function holdPendingRequests(): void {
  const w = window as Window & { __careHold?: boolean };
  if (w.__careHold) return;
  w.__careHold = true;
  const real = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.pathname.startsWith('/__pending__/')) return real(input, init);
    return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
  };
}
