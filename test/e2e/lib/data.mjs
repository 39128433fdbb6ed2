// Test data in the shapes the issues define (key names are the contract), shared by e2e and bench.
// Mastodon statuses follow the recorded shape in test/e2e/fixtures/mastodon/ (see its README).

const minutesAgo = (m) => new Date(Date.now() - m * 60000).toISOString();

export const MASTODON = 'https://mastodon.example';
export const BSKY = 'https://bsky.example';
export const CDN = 'https://cdn.example';
export const FEED_URI = 'at://did:plc:abc123/app.bsky.feed.generator/bcsm';

/** A Post in CareCircle's own shape (`posts` and `snapshot` sources). */
export function post(i, over = {}) {
  return {
    id: `p-${i}`,
    url: `https://social.example/@nurse${i}/${1000 + i}`,
    createdAt: minutesAgo(i + 1),
    author: { name: `Nurse ${i}`, handle: `@nurse${i}@social.example`, url: `https://social.example/@nurse${i}` },
    text: `Post number ${i} about #bcsm support.`,
    language: 'en',
    ...over,
  };
}

export const posts = (n, start = 0, over) => Array.from({ length: n }, (_, i) => post(start + i, over));

/** A Mastodon `Status` as GET /api/v1/timelines/tag/:hashtag returns it. */
export function status(i, { host = 'mastodon.example', over = {}, account = {} } = {}) {
  const id = String(117020593741189701n - BigInt(i));
  const username = `member${i}`;
  return {
    id,
    created_at: minutesAgo(i + 1),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri: `https://${host}/users/${username}/statuses/${id}`,
    url: `https://${host}/@${username}/${id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: `<p>Mastodon post ${i} <a href="https://${host}/tags/bcsm" class="mention hashtag" rel="tag">#<span>bcsm</span></a></p>`,
    reblog: null,
    application: null,
    account: {
      id: String(1000 + i),
      username,
      acct: username,
      display_name: `Member ${i}`,
      locked: false,
      bot: false,
      discoverable: true,
      group: false,
      created_at: '2026-01-01T00:00:00.000Z',
      note: '',
      url: `https://${host}/@${username}`,
      avatar: `https://${host}/avatars/${i}.png`,
      avatar_static: `https://${host}/avatars/${i}.png`,
      header: `https://${host}/headers/missing.png`,
      header_static: `https://${host}/headers/missing.png`,
      followers_count: 1,
      following_count: 1,
      statuses_count: 1,
      emojis: [],
      fields: [],
      ...account,
    },
    media_attachments: [],
    mentions: [],
    tags: [{ name: 'bcsm', url: `https://${host}/tags/bcsm` }],
    emojis: [],
    card: null,
    poll: null,
    ...over,
  };
}

export const statuses = (n, opts) => Array.from({ length: n }, (_, i) => status(i, opts));

/** One `feed` item of app.bsky.feed.getFeed. */
export function bskyItem(i, { text = `Bluesky post ${i} #bcsm`, facets, author = {}, embed } = {}) {
  const did = `did:plc:member${i}`;
  return {
    post: {
      uri: `at://${did}/app.bsky.feed.post/3k${i}abc`,
      cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm',
      author: {
        did,
        handle: `member${i}.bsky.social`,
        displayName: `Sky Member ${i}`,
        avatar: `https://cdn.bsky.app/img/avatar/plain/${did}/a@jpeg`,
        labels: [],
        ...author,
      },
      record: { $type: 'app.bsky.feed.post', text, createdAt: minutesAgo(i + 1), langs: ['en'], ...(facets ? { facets } : {}) },
      ...(embed ? { embed } : {}),
      replyCount: 0,
      repostCount: 0,
      likeCount: 0,
      indexedAt: minutesAgo(i + 1),
      labels: [],
    },
  };
}

export const bskyFeed = (n, opts) => ({ feed: Array.from({ length: n }, (_, i) => bskyItem(i, opts)), cursor: 'next' });

export const feedConfig = (over = {}) => ({ hashtag: 'bcsm', sources: [{ type: 'posts', posts: posts(3) }], ...over });

// ---------------------------------------------------------------- support groups

const cancers = ['breast', 'bowel', 'prostate', 'lung', 'leukaemia', 'lymphoma', 'melanoma', 'ovarian', 'brain', 'pancreatic'];
const suburbs = [
  ['Westmead', '2145', -33.807, 150.987],
  ['Parramatta', '2150', -33.815, 151.001],
  ['Blacktown', '2148', -33.771, 150.906],
  ['Penrith', '2750', -33.751, 150.694],
  ['Liverpool', '2170', -33.92, 150.923],
  ['Camperdown', '2050', -33.889, 151.176],
];
const words = [
  'peer',
  'support',
  'circle',
  'coffee',
  'walking',
  'carers',
  'young adults',
  'survivorship',
  'wellbeing',
  'yoga',
  'art',
  'information',
];
const formatsList = [['in-person'], ['online'], ['phone'], ['in-person', 'video'], ['online', 'phone']];
const audiencesList = [['patient'], ['carer'], ['patient', 'carer'], ['family'], ['patient', 'carer', 'family']];

/** A support group in the shape; deterministic for a given i. */
export function group(i, over = {}) {
  const cancer = cancers[i % cancers.length];
  const [suburb, postcode, lat, lon] = suburbs[i % suburbs.length];
  const formats = formatsList[i % formatsList.length];
  return {
    id: `g-${String(i).padStart(5, '0')}`,
    name: `${cancer[0].toUpperCase()}${cancer.slice(1)} ${words[i % words.length]} group ${suburb} ${i}`,
    description: `A ${words[(i + 3) % words.length]} group for people affected by ${cancer} cancer, meeting near ${suburb}.`,
    organization: i % 2 ? 'Westmead Cancer Care' : 'Cancer Support Community NSW',
    cancerTypes: [cancer],
    audiences: audiencesList[i % audiencesList.length],
    formats,
    languages: i % 7 === 0 ? ['en', 'ar'] : ['en'],
    cost: { type: i % 5 === 0 ? 'low-cost' : 'free' },
    facilitator: i % 3 ? 'peer' : 'professional',
    location: {
      address: `${i} Hawkesbury Road`,
      suburb,
      postcode,
      state: 'NSW',
      country: 'AU',
      lat: lat + (i % 10) * 0.001,
      lon: lon + (i % 10) * 0.001,
    },
    meets: { start: '2026-01-13T18:00', timeZone: 'Australia/Sydney', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
    contact: { phone: '+61 2 9999 0000', email: `group${i}@example.org`, url: `https://groups.example.org/${i}` },
    accessibility: 'Wheelchair access, hearing loop',
    lastReviewed: '2026-09-01',
    ...over,
  };
}

export const groups = (n, start = 0) => Array.from({ length: n }, (_, i) => group(start + i));
export const groupsConfig = (over = {}) => ({ groups: groups(4), ...over });

/** A minimal HSDS 3.x service list (as in the Open Referral examples). */
export const hsdsServices = (n = 2) => ({
  services: Array.from({ length: n }, (_, i) => ({
    id: `svc-${i}`,
    name: `HSDS counselling service ${i}`,
    description: 'Counselling for people affected by cancer.',
    status: 'active',
    email: `svc${i}@example.org`,
    url: `https://services.example.org/${i}`,
    organization: { id: 'org-1', name: 'MyCity Cancer Charity' },
    phones: [{ id: `ph-${i}`, number: '+44 1234 234567', type: 'voice' }],
    languages: [{ id: 'lang-en', name: 'English', code: 'en' }],
    service_at_locations: [
      {
        id: `sal-${i}`,
        location: {
          id: `loc-${i}`,
          location_type: 'physical',
          name: 'MyCity Civic Center',
          latitude: 51.5,
          longitude: -0.12,
          addresses: [
            { id: `ad-${i}`, address_1: '1 High Street', city: 'MyCity', postal_code: 'AB1 2CD', country: 'GB', address_type: 'physical' },
          ],
        },
      },
    ],
    schedules: [
      {
        id: `sch-${i}`,
        freq: 'WEEKLY',
        byday: 'TU',
        dtstart: '2026-01-06',
        opens_at: '18:00',
        closes_at: '19:30',
        description: 'Tuesdays 6pm',
      },
    ],
  })),
});

// ---------------------------------------------------------------- chat schedule

const platforms = ['x', 'bluesky', 'mastodon', 'facebook', 'zoom', 'other'];
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A recurring chat in the shape. */
export function chat(i, over = {}) {
  return {
    id: `chat-${i}`,
    title: `#chat${i} weekly community chat`,
    hashtag: `chat${i}`,
    platform: platforms[i % platforms.length],
    url: `https://chats.example.org/${i}`,
    description: `Weekly chat number ${i} for patients and carers.`,
    hosts: [`@host${i}`],
    timeZone: i % 2 ? 'America/New_York' : 'Europe/London',
    start: `2026-01-0${(i % 7) + 1}T${String(18 + (i % 4)).padStart(2, '0')}:00`,
    durationMinutes: 60,
    rrule: `FREQ=WEEKLY;BYDAY=${days[i % 7]}`,
    ...over,
  };
}

export const chats = (n) => Array.from({ length: n }, (_, i) => chat(i));
export const chatConfig = (over = {}) => ({
  chats: [
    chat(0, {
      id: 'bcsm',
      title: '#bcsm weekly chat',
      hashtag: 'bcsm',
      platform: 'x',
      timeZone: 'America/New_York',
      start: '2026-01-05T21:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      exceptions: ['2026-12-28'],
      topics: { '2026-12-07': 'Scanxiety' },
    }),
    chat(1),
  ],
  show: 8,
  ...over,
});
