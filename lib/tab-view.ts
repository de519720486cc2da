import { z } from 'zod';
import type { CardView } from '../components/types';

/**
 * The background keeps the last card view of each tab in session storage (it survives the service worker being
 * killed, and is gone when the browser closes), so the popup and side panel show what the card shows.
 */
export const tabViewKey = (tabId: number) => `tabView:${tabId}`;

const tabViewSchema = z.object({
  recordKey: z.string(),
  company: z.string(),
  result: z.object({ score: z.number(), verdict: z.enum(['fit', 'not-fit', 'needs-data']), criteria: z.array(z.unknown()) }).passthrough(),
  alternatives: z.array(z.unknown()),
  facts: z.array(z.object({ field: z.string(), source: z.object({ kind: z.string() }).passthrough() }).passthrough()),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** A stored view, checked: anything malformed reads as "nothing to show" rather than breaking the page. */
export function readTabView(raw: unknown): CardView | null {
  const parsed = tabViewSchema.safeParse(raw);
  return parsed.success ? (parsed.data as unknown as CardView) : null;
}
