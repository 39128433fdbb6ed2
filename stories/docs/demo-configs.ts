// The demo data files used by the docs pages (the same ones the demo hospital page loads).
export const demoConfigs: Record<string, string> = {
  'care-support-groups': '/demo/data/support-groups/hospital.json',
  'care-chat-schedule': '/demo/data/chat-schedule/hospital.json',
  'care-hashtag-feed': '/demo/data/hashtag-feed/hospital.json',
};
