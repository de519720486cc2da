import { useRef, useState } from 'react';
import { trusted } from './trusted';

/**
 * "Couldn't read this page's company details": shown instead of a silent loading card when a supported record page
 * gave nothing (or only a name) once it settled. The diagnostic lists what the adapter tried — counts, selectors and
 * names, never page text — so it is safe to paste into a bug report. Same component on the card and in the side panel.
 */
export function Unreadable({ diagnostic }: { diagnostic: string }) {
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  // The clipboard API needs a secure context and a user gesture; otherwise the text is selected for Ctrl+C.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(diagnostic);
      setCopied('yes');
    } catch {
      area.current?.select();
      setCopied('select');
    }
  };
  return (
    <div className="unreadable" data-testid="fit-unreadable">
      <p className="unreadable-title" role="status">
        Couldn't read this page's company details
      </p>
      <p className="muted">The page may have changed its layout. The diagnostic below lists what was tried, with no page content.</p>
      <textarea
        className="diagnostic"
        data-testid="fit-diagnostic"
        readOnly
        rows={Math.min(12, diagnostic.split("\n").length + 1)}
        value={diagnostic}
        aria-label="Page diagnostic"
        ref={area}
      />
      <button type="button" data-testid="fit-copy-diagnostic" onClick={trusted(() => void copy())}>
        {copied === 'yes' ? 'Copied' : copied === 'select' ? 'Selected: press Ctrl+C' : 'Copy diagnostic'}
      </button>
    </div>
  );
}
