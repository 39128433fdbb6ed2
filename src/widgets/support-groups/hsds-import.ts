// The Open Referral HSDS importer as one chunk, loaded only when a config names a feed (`hsds`): reading the
// services into groups (sources/hsds.ts) and checking and merging them with the config's own (merge-hsds.ts), and
// the words for why the feed could not be fetched (the widget shows them with its own "could not load").
import { addEnglish } from '../../core/i18n/messages.js';
import { fetchText } from '../../core/i18n/fetch-text.js';

addEnglish(fetchText);
export { fetchHsds } from '../../sources/hsds.js';
export { mergeHsds } from './merge-hsds.js';
