import { ALL_TENANT, definePolicy } from '../../platform/policy';

/** Everyone reads only their own inbox and sets only their own preferences (the queries are scoped to the caller). */
export const NotificationActions = definePolicy({
  'notifications.self': { roles: ALL_TENANT },
});
