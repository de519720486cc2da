import { createRoot, type Root } from 'react-dom/client';
import { FitCard, type FitCardProps } from '../../components/FitCard';
import css from '../../components/card.css?inline';
import { HOST_TAG } from './host-tag';

export { HOST_TAG };

/**
 * The only element the extension adds to a page: <icp-fit-card> with a shadow root holding the card and its inline
 * styles. No stylesheet or image is loaded from the extension, so nothing has to be web-accessible (LinkedIn probes
 * web-accessible resources to detect extensions).
 *
 * The root is **closed** for people: the card shows facts from account lists, CRMs and the user's answers, which the
 * page's scripts must not read. It is open only when the browser is under automation (`navigator.webdriver`), so
 * Playwright and WebDriver reach the `data-testid` hooks. Both reads happen in the content script's isolated world,
 * whose `navigator` and `Element.prototype` are its own: a page script cannot fake `webdriver` here nor patch
 * `attachShadow` to capture the root.
 */
export function shadowMode(nav: Pick<Navigator, 'webdriver'>): ShadowRootMode {
  return nav.webdriver === true ? 'open' : 'closed';
}

/**
 * Builds the card off the page: nothing is added to the page until `attach` or the first `render`, so the card can
 * be built while its place on the site (and whether the site is switched on at all) is still being read.
 */
export function mountCard(doc: Document): { attach(): void; attached(): boolean; render(props: FitCardProps): void; remove(): void } {
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: shadowMode(navigator) });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  shadow.append(style, container);
  const root: Root = createRoot(container);
  // Outside <body>: single-page apps replace body content on navigation, and the card must survive that.
  const attach = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };
  return {
    attach,
    attached: () => host.isConnected,
    render: (props) => {
      attach();
      root.render(<FitCard {...props} />);
    },
    remove: () => {
      root.unmount();
      host.remove();
    },
  };
}
