import { z } from 'zod';
import type { CardView } from './types';
import { cardViewSchema } from './schema';
import { MAX_DIAGNOSTIC } from '../sites/diagnostic';

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

/**
 * The tab's record could not be read (the card shows "Couldn't read this page's company details"): kept beside the
 * view so the side panel shows the same diagnostic. Cleared when a view for the tab is stored.
 */
export const tabUnreadableKey = (tabId: number) => `tabUnreadable:${tabId}`;

export const unreadableSchema = z
  .object({ recordKey: z.string().min(1).max(300), company: z.string().max(300).optional(), diagnostic: z.string().max(MAX_DIAGNOSTIC) })
  .strict();
export type TabUnreadable = z.output<typeof unreadableSchema>;

export function readTabUnreadable(raw: unknown): TabUnreadable | null {
  const parsed = unreadableSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
