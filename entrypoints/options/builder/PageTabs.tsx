import { useState, type ReactNode } from 'react';
import '../../../components/builder/builder.css';
import { AccountsTab } from '../AccountsTab';
import { ReviewTab } from '../ReviewTab';
import { SettingsTab } from '../SettingsTab';
import { BuilderPage } from './BuilderPage';

type PageTab = 'models' | 'accounts' | 'builder' | 'review' | 'settings';

/**
 * The options page: the models (list, editor, history, sync), every stored account scored (Accounts), the ICP builder,
 * the quarterly review (drift, exceptions, rep feedback, data export), and settings (name, sites, lists). The models half stays
 * mounted while the builder is open (hidden, not unmounted), so an unsaved draft in the editor survives a look at the
 * builder. The builder mounts the first time it is opened and then keeps its files and review.
 */
export function PageTabs({ models }: { models: ReactNode }) {
  const [tab, setTab] = useState<PageTab>('models');
  const [builderOpened, setBuilderOpened] = useState(false);
  const open = (next: PageTab) => {
    if (next === 'builder') setBuilderOpened(true);
    setTab(next);
  };
  return (
    <>
      <nav className="page-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'models'} data-testid="page-tab-models" onClick={() => open('models')}>
          Models
        </button>
        <button type="button" role="tab" aria-selected={tab === 'accounts'} data-testid="page-tab-accounts" onClick={() => open('accounts')}>
          Accounts
        </button>
        <button type="button" role="tab" aria-selected={tab === 'builder'} data-testid="page-tab-builder" onClick={() => open('builder')}>
          Builder
        </button>
        <button type="button" role="tab" aria-selected={tab === 'review'} data-testid="page-tab-review" onClick={() => open('review')}>
          Review
        </button>
        <button type="button" role="tab" aria-selected={tab === 'settings'} data-testid="page-tab-settings" onClick={() => open('settings')}>
          Settings
        </button>
      </nav>
      <div hidden={tab !== 'models'}>{models}</div>
      {builderOpened && (
        <div hidden={tab !== 'builder'}>
          <BuilderPage onShowModels={() => open('models')} />
        </div>
      )}
      {tab === 'review' && <ReviewTab />}
      {tab === 'accounts' && <AccountsTab />}
      {tab === 'settings' && <SettingsTab />}
    </>
  );
}
