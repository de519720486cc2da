/**
 * The rest of the content script, evaluated once the page's first card is in (index.ts imports it with `import()`,
 * kept inside content.js like card-ui.ts): the schemas of the card's other messages (an answer, an exception,
 * feedback, an unreadable page) and of the extension's broadcast. Traced: building them with the card's UI held the
 * first answer back by 1-2 ms; nothing needs them before a card is on the page.
 */
export { exceptionRequest, feedbackRequest } from '../../lib/card/actions';
export { changeBroadcastSchema } from '../../lib/messages/broadcast';
export { CARD_CONTRACT } from '../../lib/messages/card';
