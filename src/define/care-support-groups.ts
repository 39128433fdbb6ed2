import { define } from '../core/define.js';
import { CareSupportGroups } from '../widgets/support-groups/support-groups.js';

define('care-support-groups', CareSupportGroups);

declare global {
  interface HTMLElementTagNameMap {
    'care-support-groups': CareSupportGroups;
  }
}
