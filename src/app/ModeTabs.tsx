/** The page's modes as tabs: the live lab, the step-through of one pass, and the bug lab. */
import type { KeyboardEvent } from 'react';
import { useLab } from '../store/hooks';
import type { LabMode } from '../store/types';
import { useT } from '../i18n/setup';
import { LAB_MODES } from './links/tabLink';
import { MysteryNotice } from './MysteryNotice';

const MODES = LAB_MODES.map((id) => ({ id, label: `tabs.${id}` as const }));

const modePanelId = (mode: LabMode) => `mode-panel-${mode}`;
const tabId = (mode: LabMode) => `mode-tab-${mode}`;

export function ModeTabs() {
  const mode = useLab((s) => s.ui.mode);
  const setUi = useLab((s) => s.setUi);
  const t = useT();
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab leaves the tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    event.stopPropagation();
    const index = MODES.findIndex((m) => m.id === mode);
    const next = MODES[(index + (event.key === 'ArrowRight' ? 1 : MODES.length - 1)) % MODES.length];
    setUi({ mode: next.id });
    document.getElementById(tabId(next.id))?.focus();
  };
  return (
    <div className="mode-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
      {MODES.map((m) => (
        <button
          key={m.id}
          id={tabId(m.id)}
          type="button"
          role="tab"
          className="mode-tabs__tab"
          aria-selected={mode === m.id}
          aria-controls={modePanelId(m.id)}
          tabIndex={mode === m.id ? 0 : -1}
          onClick={() => setUi({ mode: m.id })}
        >
          {t(m.label)}
        </button>
      ))}
    </div>
  );
}

/** The panel of one mode; only the selected one is rendered. Outside the Bug lab it says when a mystery slip waits there. */
export function ModePanel({ mode, children }: { mode: LabMode; children: React.ReactNode }) {
  const selected = useLab((s) => s.ui.mode) === mode;
  if (!selected) return null;
  return (
    <div role="tabpanel" id={modePanelId(mode)} aria-labelledby={tabId(mode)} className="mode-panel">
      {mode !== 'buglab' && <MysteryNotice />}
      {children}
    </div>
  );
}
