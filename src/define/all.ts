// The all-in-one bundle: defines every CareCircle tag (each once, even if loaded twice).
import './care-hashtag-feed.js';
import './care-support-groups.js';
import './care-chat-schedule.js';
