/**
 * The part of the content script evaluated only once the page's first score request is out (index.ts imports it
 * with `import()`, which the bundler keeps inside content.js as a module evaluated on first use: no separate file, so
 * nothing web-accessible): what the first card needs, the score answer's schemas and the card's components. Building
 * them takes longer than reading the page and sending it, so it runs while the background scores instead of before.
 * The card's other messages come later (card-actions.ts).
 */
export { SCORE_PAGE_CONTRACT } from '../../lib/messages/card-score';
export { mountCard } from './mount';
