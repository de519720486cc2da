import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { embedsRecordFrame } from '../../../lib/page/frames';
import { hubspotAdapter } from '../../../lib/sites/hubspot';

const doc = (body: string, url = 'https://app.hubspot.com/contacts/4455667/company/18122334455') =>
  new JSDOM(`<!doctype html><html><body>${body}</body></html>`, { url }).window.document;

describe('embedsRecordFrame', () => {
  it('is true when a frame of the page shows a record of the site (absolute or relative src)', () => {
    expect(embedsRecordFrame(doc('<iframe src="https://app.hubspot.com/contacts/4455667/record/0-2/18122334455"></iframe>'), hubspotAdapter.matchUrl)).toBe(true);
    expect(embedsRecordFrame(doc('<iframe src="/contacts/4455667/record/0-2/18122334455?embedded=1"></iframe>'), hubspotAdapter.matchUrl)).toBe(true);
  });

  it('is false for frames of other pages, bad src values and pages without frames', () => {
    expect(embedsRecordFrame(doc('<iframe src="https://app.hubspot.com/chat/4455667/"></iframe><iframe src="about:blank"></iframe>'), hubspotAdapter.matchUrl)).toBe(false);
    expect(embedsRecordFrame(doc('<iframe src="http://[bad"></iframe>'), hubspotAdapter.matchUrl)).toBe(false);
    expect(embedsRecordFrame(doc('<h1>Companies</h1>'), hubspotAdapter.matchUrl)).toBe(false);
  });
});
