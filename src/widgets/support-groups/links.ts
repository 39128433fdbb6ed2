import { hostOf } from '../../core/urls.js';

/** The platforms a group's link is named after ("Facebook group" rather than "Website"). */
const PLATFORMS: [RegExp, string][] = [
  [/(^|\.)(facebook\.com|fb\.com)$/, 'facebook'],
  [/(^|\.)(whatsapp\.com|wa\.me)$/, 'whatsapp'],
  [/(^|\.)zoom\.us$/, 'zoom'],
];

/** Which platform a web address is on, by its host name: `facebook`, `whatsapp`, `zoom`, or undefined. */
export function linkPlatform(url: string): string | undefined {
  const host = hostOf(url);
  return PLATFORMS.find(([re]) => re.test(host))?.[1];
}
