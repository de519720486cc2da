// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchRecords, type RecordEvent } from '../../../lib/page/record-watcher';
import type { RecordRef } from '../../../lib/sites/types';

/** A toy site: /company/<slug> pages; the company name is in <h1 data-slug>. */
const match = (url: URL): RecordRef | null => {
  const m = /^\/company\/([^/]+)/.exec(url.pathname);
  return m ? { site: 'linkedin', key: `li:${m[1]}`, kind: 'company' } : null;
};
const extract = (doc: Document, url: URL) => {
  const ref = match(url)!;
  const h1 = doc.querySelector(`h1[data-slug="${ref.key.slice(3)}"]`);
  return h1 ? { ref, raw: { name: h1.textContent, employees: doc.querySelector('.size')?.textContent } } : null;
};

const tick = () => new Promise((r) => setTimeout(r, 30));

describe('watchRecords', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
    history.replaceState(null, '', '/');
  });

  function start() {
    const events: RecordEvent[] = [];
    stop = watchRecords({ window, match, extract, onEvent: (e) => events.push(e), delayMs: 5 });
    return events;
  }

  it('reads the record on start, then again when a lazy section arrives, and not when nothing changed', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1>';
    const events = start();
    expect(events.map((e) => e.type)).toEqual(['loading', 'extracted']);
    document.body.insertAdjacentHTML('beforeend', '<p class="size">51-200</p>');
    await tick();
    expect(events.at(-1)).toMatchObject({ type: 'extracted', extraction: { raw: { employees: '51-200' } } });
    document.body.insertAdjacentHTML('beforeend', '<span>noise</span>');
    await tick();
    expect(events).toHaveLength(3);
  });

  it('switches records on in-app navigation and never reports the old record under the new key', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1>';
    const events = start();
    history.pushState(null, '', '/company/globex/');
    document.body.insertAdjacentHTML('beforeend', '<i></i>'); // the app starts re-rendering, old DOM still there
    await tick();
    expect(events.at(-1)).toEqual({ type: 'loading', ref: { site: 'linkedin', key: 'li:globex', kind: 'company' } });
    document.body.innerHTML = '<h1 data-slug="globex">Globex</h1>';
    await tick();
    const last = events.at(-1)!;
    expect(last.type).toBe('extracted');
    if (last.type === 'extracted') expect(last.extraction.raw.name).toBe('Globex');
  });

  it('reports none when leaving record pages, and stops observing after teardown', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1>';
    const events = start();
    history.pushState(null, '', '/feed/');
    document.body.innerHTML = '<main>feed</main>';
    await tick();
    expect(events.at(-1)).toEqual({ type: 'none' });
    stop!();
    stop = undefined;
    const count = events.length;
    history.pushState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1>';
    await tick();
    expect(events).toHaveLength(count);
  });

  it('reads on back/forward (popstate) even without DOM changes', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1><h1 data-slug="globex">Globex</h1>';
    const events = start();
    history.pushState(null, '', '/company/globex/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await tick();
    expect(events.at(-1)).toMatchObject({ type: 'extracted', ref: { key: 'li:globex' } });
  });

  it('keeps the observer callback free of work: extraction runs once per window, not per mutation', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1>';
    const spy = vi.fn(extract);
    stop = watchRecords({ window, match, extract: spy, onEvent: () => {}, delayMs: 20 });
    spy.mockClear();
    for (let i = 0; i < 50; i++) document.body.appendChild(document.createElement('b'));
    await new Promise((r) => setTimeout(r, 60));
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('watchRecords after in-app navigation', () => {
  it('does not take the previous record\'s DOM for the new record, even when the adapter would', async () => {
    // An adapter with no way to tell records apart in the DOM (it trusts the URL for identity).
    const trusting = (doc: Document, url: URL) => ({
      ref: match(url)!,
      raw: { crmId: url.pathname, name: doc.querySelector('h1')?.textContent },
    });
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1>Acme</h1>';
    const events: RecordEvent[] = [];
    const stop = watchRecords({ window, match, extract: trusting, onEvent: (e) => events.push(e), delayMs: 5 });
    try {
      history.pushState(null, '', '/company/globex/');
      document.body.append(document.createElement('i'));
      await tick();
      expect(events.at(-1)).toMatchObject({ type: 'loading', ref: { key: 'li:globex' } });
      document.body.innerHTML = '<h1>Globex</h1>';
      await tick();
      expect(events.at(-1)).toMatchObject({ type: 'extracted', extraction: { raw: { name: 'Globex' } } });
    } finally {
      stop();
      history.replaceState(null, '', '/');
    }
  });
});
