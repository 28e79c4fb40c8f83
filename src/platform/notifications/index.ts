/** What modules use of notifications: putting one in a person's inbox, in their own transaction. */
export { type NotificationInput, notify } from './notify.js';
