import type { CardView } from './types';
import { cardViewSchema } from './schema';

/**
 * The background keeps the last card view of each tab in session storage (it survives the service worker being
 * killed, and is gone when the browser closes), so the popup and side panel show what the card shows.
 */
export const tabViewKey = (tabId: number) => `tabView:${tabId}`;

/** A stored view, checked with the same schema as the message that carried it: malformed reads as "nothing to show". */
export function readTabView(raw: unknown): CardView | null {
  const parsed = cardViewSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
