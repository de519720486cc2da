/**
 * Which frame shows the card when a record page is split across frames. HubSpot can render a record inside an app
 * frame while the top frame's URL also names a record: both content scripts recognise a record, but only the frame
 * that holds it can read it. The frame whose document embeds a frame showing a record of the same site defers to
 * that frame: it shows no card (no endless "loading", no "couldn't read"). Pure: the caller passes the document and
 * its adapter's URL matcher.
 */
export function embedsRecordFrame(doc: Document, match: (url: URL) => unknown): boolean {
  for (const frame of Array.from(doc.querySelectorAll('iframe[src], frame[src]'))) {
    let url: URL;
    try {
      url = new URL(frame.getAttribute('src') ?? '', doc.baseURI);
    } catch {
      continue;
    }
    if (match(url)) return true;
  }
  return false;
}
