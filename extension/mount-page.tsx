import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import css from '../components/card.css?inline';

/** Mounts an extension page (popup, side panel) with the card's styles and a TanStack Query client. */
export function mountPage(Page: ComponentType) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  createRoot(document.getElementById('root')!).render(
    <QueryClientProvider client={new QueryClient()}>
      <Page />
    </QueryClientProvider>,
  );
}
