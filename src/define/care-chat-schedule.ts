import { define } from '../core/define.js';
import { CareChatSchedule } from '../widgets/chat-schedule/chat-schedule.js';

define('care-chat-schedule', CareChatSchedule);

declare global {
  interface HTMLElementTagNameMap {
    'care-chat-schedule': CareChatSchedule;
  }
}
