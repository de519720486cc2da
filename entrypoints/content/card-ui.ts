/**
 * The part of the content script evaluated only once the page's first score request is out (index.ts imports it
 * with `import()`, which the bundler keeps inside content.js as a module evaluated on first use: no separate file, so
 * nothing web-accessible). Building these zod schemas and the card's components takes longer than reading the page
 * and sending it, so it runs while the background scores instead of before.
 */
export { exceptionRequest, feedbackRequest } from '../../lib/card/actions';
export { changeBroadcastSchema } from '../../lib/messages/broadcast';
export { CARD_CONTRACT } from '../../lib/messages/card';
export { mountCard } from './mount';
