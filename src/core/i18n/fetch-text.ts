import type { Catalogue } from './messages.js';

/**
 * Why a data source failed, by FetchError code: a second sentence, after the widget's own "could not load". In
 * English, added to the core's messages (`addEnglish`) by the code that can show it: the feed, the support groups'
 * HSDS importer and the editor's panel (a config's `src` that failed). A chat schedule fetches nothing else, so its
 * first screen does not carry them.
 */
export const fetchText: Catalogue = {
  fetch_timeout: 'It took too long to answer.',
  fetch_network: 'We could not reach it.',
  fetch_login: 'It asks for a login.',
  fetch_notFound: 'Nothing is at that address.',
  fetch_busy: 'It is busy. Please try again later.',
  fetch_http: 'It had a problem.',
  fetch_type: 'It sent something we cannot read.',
  fetch_json: 'It sent something we cannot read.',
  fetch_data: 'It sent something we cannot read.',
  fetch_notPublic: 'It does not share this with the public.',
};
