import { html } from 'lit';
import { CareElement } from '../../core/care-element.js';
import { chatScheduleSchema, type ChatScheduleConfig } from './chat-schedule.schema.js';

/**
 * @summary Recurring community chats in the viewer's own time.
 */
export class CareChatSchedule extends CareElement<ChatScheduleConfig> {
  protected readonly schema = chatScheduleSchema;
  protected renderContent(config: ChatScheduleConfig) {
    return html`<ul>${config.chats.map((c) => html`<li>${c.title}</li>`)}</ul>`;
  }
}
