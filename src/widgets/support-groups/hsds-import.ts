// The Open Referral HSDS importer as one chunk, loaded only when a config names a feed (`hsds`): reading the
// services into groups (sources/hsds.ts) and checking and merging them with the config's own (merge-hsds.ts).
export { fetchHsds } from '../../sources/hsds.js';
export { mergeHsds } from './merge-hsds.js';
