// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { isDarkPage } from '../../../entrypoints/content/theme';

describe('isDarkPage', () => {
  afterEach(() => {
    document.body.removeAttribute('style');
    document.documentElement.removeAttribute('style');
  });

  it('follows a dark page background (LinkedIn dark mode)', () => {
    document.body.style.backgroundColor = 'rgb(27, 31, 35)';
    expect(isDarkPage(window)).toBe(true);
  });

  it('stays light on a light page', () => {
    document.body.style.backgroundColor = 'rgb(243, 242, 239)';
    expect(isDarkPage(window)).toBe(false);
  });

  it('looks past a transparent body to the root element', () => {
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    document.documentElement.style.backgroundColor = 'rgb(10, 10, 10)';
    expect(isDarkPage(window)).toBe(true);
  });
});
