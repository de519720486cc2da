import type { Page } from 'playwright-core';

/**
 * Reaching into the card's **closed** shadow root the way a person's browser does: through the DevTools protocol
 * (which sees every shadow root), with real mouse input at the element's position. A page script cannot do this.
 */
interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findByTestId(node: DomNode, testId: string): DomNode | null {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-testid' && attrs[i + 1] === testId) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findByTestId(child, testId);
    if (found) return found;
  }
  return null;
}

export async function closedRootElement(page: Page, testId: string): Promise<{ html: string; click(): Promise<void> } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const node = findByTestId(root, testId);
    if (!node) return null;
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: node.nodeId })) as { outerHTML: string };
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content;
    return { html: outerHTML, click: () => page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2) };
  } finally {
    await cdp.detach();
  }
}
