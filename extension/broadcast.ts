import type { browser } from 'wxt/browser';
import type { ChangeBroadcast, ChangeKind } from '../lib/messages/broadcast';

/**
 * Tells every open tab that the models or the stored accounts changed, so open cards score again. The one sender of
 * the change broadcast (lib/messages/broadcast.ts): the options page calls it after any write, the background after
 * a sync that updated a model.
 */
export async function broadcastChange(tabs: Pick<typeof browser.tabs, 'query' | 'sendMessage'>, what: ChangeKind): Promise<void> {
  const message: ChangeBroadcast = { type: 'changed', what };
  const all = await tabs.query({});
  await Promise.all(
    all.map((tab) =>
      tab.id === undefined
        ? undefined
        : // Tabs without our content script reject the message: that is expected, not an error.
          Promise.resolve(tabs.sendMessage(tab.id, message)).catch(() => undefined),
    ),
  );
}
