// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchRecords, type RecordEvent } from '../../../lib/page/record-watcher';
import type { RecordRef } from '../../../lib/sites/types';

/** A toy site: /company/<slug> pages; the company name is in <h1 data-slug>. */
const match = (url: URL): RecordRef | null => {
  const m = /^\/company\/([^/]+)/.exec(url.pathname);
  return m ? { site: 'linkedin', recordKey: `li:${m[1]}`, kind: 'company' } : null;
};
const extract = (doc: Document, url: URL) => {
  const ref = match(url)!;
  const h1 = doc.querySelector(`h1[data-slug="${ref.recordKey.slice(3)}"]`);
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
    stop = watchRecords({ window, match, extract, onEvent: (e) => events.push(e), delayMs: 5, busyFactor: 0 });
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
    expect(events.at(-1)).toEqual({ type: 'loading', ref: { site: 'linkedin', recordKey: 'li:globex', kind: 'company' } });
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
    expect(events.at(-1)).toMatchObject({ type: 'extracted', ref: { recordKey: 'li:globex' } });
  });

  it('keeps the observer callback free of work: extraction runs once per window, not per mutation', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1>';
    const spy = vi.fn(extract);
    stop = watchRecords({ window, match, extract: spy, onEvent: () => {}, delayMs: 20, busyFactor: 0 });
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
    const stop = watchRecords({ window, match, extract: trusting, onEvent: (e) => events.push(e), delayMs: 5, busyFactor: 0 });
    try {
      history.pushState(null, '', '/company/globex/');
      document.body.append(document.createElement('i'));
      await tick();
      expect(events.at(-1)).toMatchObject({ type: 'loading', ref: { recordKey: 'li:globex' } });
      document.body.innerHTML = '<h1>Globex</h1>';
      await tick();
      expect(events.at(-1)).toMatchObject({ type: 'extracted', extraction: { raw: { name: 'Globex' } } });
    } finally {
      stop();
      history.replaceState(null, '', '/');
    }
  });
});

describe('watchRecords on big, busy pages', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    history.replaceState(null, '', '/');
  });

  it('pauses after each read for a multiple of what the read cost, however often the page mutates', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1><p class="size">1</p>';
    const slow = vi.fn((doc: Document, url: URL) => {
      const until = performance.now() + 10;
      while (performance.now() < until); // a read that costs 10 ms
      return extract(doc, url);
    });
    const stop = watchRecords({ window, match, extract: slow, onEvent: () => {}, delayMs: 5, busyFactor: 8 });
    try {
      slow.mockClear();
      const started = performance.now();
      let n = 0;
      while (performance.now() - started < 800) {
        document.body.append(Object.assign(document.createElement('p'), { textContent: String(++n) }));
        await new Promise((r) => setTimeout(r, 5));
      }
      // Unpaced (a read per 5 ms window) would be ~100 reads; paced at >= 8 x 10 ms apart, at most 800 / 90 + 1.
      expect(slow.mock.calls.length).toBeGreaterThan(0);
      expect(slow.mock.calls.length).toBeLessThanOrEqual(10);
    } finally {
      stop();
    }
  });

  it('on a page that is expensive to read, ignores text ticking outside stale sections, not new elements', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1><p class="size">1</p><span class="clock">0</span>';
    const slow = vi.fn((doc: Document, url: URL) => {
      const until = performance.now() + 12;
      while (performance.now() < until); // a big page: 12 ms per read
      return extract(doc, url);
    });
    const stop = watchRecords({ window, match, extract: slow, onEvent: () => {}, delayMs: 5, busyFactor: 0 });
    try {
      slow.mockClear();
      for (let i = 0; i < 10; i++) {
        document.querySelector('.clock')!.textContent = String(i);
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(slow).not.toHaveBeenCalled();
      document.body.insertAdjacentHTML('beforeend', '<section class="lazy"><p>About</p></section>');
      await tick();
      expect(slow).toHaveBeenCalledTimes(1);
    } finally {
      stop();
    }
  });

  it("sends the page's first record before listing its sections, which still count as not yet refreshed", async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1><section class="about"><p class="size">1</p></section>';
    const order: string[] = [];
    const listAll = document.querySelectorAll.bind(document);
    const spy = vi.spyOn(document, 'querySelectorAll').mockImplementation(((selector: string) => {
      order.push(`list ${selector}`);
      return listAll(selector);
    }) as typeof document.querySelectorAll);
    const slow = vi.fn((doc: Document, url: URL) => {
      const until = performance.now() + 12;
      while (performance.now() < until); // expensive to read: text changes count only in sections not yet refreshed
      return extract(doc, url);
    });
    const stop = watchRecords({ window, match, extract: slow, onEvent: (e) => order.push(e.type), delayMs: 5, busyFactor: 0 });
    try {
      expect(order).toEqual(['loading', 'extracted', `list ${'section, article, dl, header, [role="region"]'}`]);
      spy.mockRestore();
      slow.mockClear();
      // The About section, there from the start, is filled in by a text change: worth a read.
      document.querySelector('.size')!.textContent = '51-200';
      await tick();
      expect(slow).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
      stop();
    }
  });

  it('does not read again for its own card being added or removed', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1>';
    const spy = vi.fn(extract);
    const stop = watchRecords({ window, match, extract: spy, onEvent: () => {}, delayMs: 5, busyFactor: 0, ownTag: 'icp-fit-card' });
    try {
      spy.mockClear();
      const host = document.createElement('icp-fit-card');
      document.documentElement.append(host);
      await tick();
      host.remove();
      await tick();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      stop();
    }
  });

  it('reads a navigation at once when the app rendered the new record in the same task', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1 data-slug="acme">Acme</h1>';
    const events: RecordEvent[] = [];
    const stop = watchRecords({ window, match, extract, onEvent: (e) => events.push(e), delayMs: 10_000 });
    try {
      history.pushState(null, '', '/company/globex/');
      document.body.innerHTML = '<h1 data-slug="globex">Globex</h1>';
      await Promise.resolve(); // the observer's microtask, no debounce
      await Promise.resolve();
      expect(events.at(-1)).toMatchObject({ type: 'extracted', extraction: { raw: { name: 'Globex' } } });
    } finally {
      stop();
    }
  });
});

describe('watchRecords with sections updated one by one after navigation', () => {
  /** An adapter that trusts the URL for identity and reads the header and the About section wherever they are. */
  const trusting = (doc: Document, url: URL) => ({
    ref: match(url)!,
    raw: {
      crmId: url.pathname,
      name: doc.querySelector('header h1')?.textContent ?? undefined,
      industry: doc.querySelector('section.about .industry')?.textContent ?? undefined,
      employees: doc.querySelector('section.about .size')?.textContent ?? undefined,
    },
  });
  const page = (name: string, industry: string, size: string) =>
    `<header><h1>${name}</h1></header><section class="about"><p class="industry">${industry}</p><p class="size">${size}</p></section>`;

  function startOnAcme() {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = page('Acme', 'Software', '51-200');
    const events: RecordEvent[] = [];
    const stop = watchRecords({ window, match, extract: trusting, onEvent: (e) => events.push(e), delayMs: 5, busyFactor: 0, sections: 'header, section' });
    return { events, stop };
  }

  afterEach(() => {
    document.body.innerHTML = '';
    history.replaceState(null, '', '/');
  });

  it("never reports the new name with the previous record's About facts, and takes them once the section changes", async () => {
    const { events, stop } = startOnAcme();
    try {
      history.pushState(null, '', '/company/globex/');
      document.querySelector('header h1')!.textContent = 'Globex'; // the header first
      await tick();
      const extracted = events.filter((e) => e.type === 'extracted' && e.ref.recordKey === 'li:globex');
      expect(extracted.length).toBeGreaterThan(0);
      for (const e of extracted) if (e.type === 'extracted') expect(e.extraction.raw).toEqual({ crmId: '/company/globex/', name: 'Globex' });
      // The About section later; Globex happens to share Acme's industry, which now counts: the section changed.
      document.querySelector('section.about .size')!.textContent = '1,001-5,000';
      await tick();
      expect(events.at(-1)).toMatchObject({ type: 'extracted', extraction: { raw: { name: 'Globex', industry: 'Software', employees: '1,001-5,000' } } });
    } finally {
      stop();
    }
  });

  it('back to a record whose header is static: the other record\'s About section is held back until it changes', async () => {
    const { events, stop } = startOnAcme();
    try {
      history.pushState(null, '', '/company/globex/');
      document.body.innerHTML = page('Globex', 'Insurance', '10,001+');
      await tick();
      expect(events.at(-1)).toMatchObject({ type: 'extracted', extraction: { raw: { name: 'Globex', industry: 'Insurance' } } });
      history.pushState(null, '', '/company/acme/');
      document.querySelector('header h1')!.textContent = 'Acme';
      await tick();
      for (const e of events.filter((x) => x.type === 'extracted' && x.ref.recordKey === 'li:acme').slice(1))
        if (e.type === 'extracted') expect(e.extraction.raw).not.toHaveProperty('industry', 'Insurance');
      document.querySelector('section.about')!.innerHTML = '<p class="industry">Software</p><p class="size">51-200</p>';
      await tick();
      expect(events.at(-1)).toMatchObject({ type: 'extracted', extraction: { raw: { name: 'Acme', industry: 'Software', employees: '51-200' } } });
    } finally {
      stop();
    }
  });
});
