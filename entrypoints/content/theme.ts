/** True when the page's background is dark (LinkedIn dark mode, Salesforce dark theme): the card follows it. */
export function isDarkPage(win: Window): boolean {
  for (const el of [win.document.body, win.document.documentElement]) {
    if (!el) continue;
    const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(el).backgroundColor);
    if (!rgb || rgb[4] === '0') continue; // transparent: look further up
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 100;
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
