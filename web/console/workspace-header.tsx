// The workspace's top bar: who she is, her presence, the sections, the keyboard shortcuts, language and sign-out.
import { useRef, useState } from 'preact/hooks';
import type { PresenceStatus } from '../../src/protocol/views.ts';
import { plural } from '../ui/i18n.ts';
import type { Section } from './hooks.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { useLocale } from './locale-context.ts';
import { PresenceSwitch } from './presence-switch.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';

interface WorkspaceHeaderProps {
  displayName: string;
  isAdmin: boolean;
  /** Supervisors and admins see the supervision section. */
  canSupervise: boolean;
  section: Section;
  status: PresenceStatus | null;
  connected: boolean;
  unread: number;
  onPresence: (status: PresenceStatus) => Promise<void>;
  onLogout: () => void;
}

export function WorkspaceHeader(props: WorkspaceHeaderProps) {
  const { t, locale } = useLocale();
  const [helpOpen, setHelpOpen] = useState(false);
  const helpButton = useRef<HTMLButtonElement>(null);
  const closeHelp = () => {
    setHelpOpen(false);
    helpButton.current?.focus();
  };
  return (
    <header class="topbar">
      <span class="brand">{t('app.brand')}</span>
      {(props.isAdmin || props.canSupervise) && (
        <nav aria-label={t('header.sections')} class="sections">
          <a href="#conversations" aria-current={props.section === 'conversations' ? 'page' : undefined}>
            {t('header.conversations')}
            {props.unread > 0 && props.section !== 'conversations' && ' '}
            {props.unread > 0 && props.section !== 'conversations' && (
              <span class="badge">{plural(t, locale, 'header.unreadInNav', props.unread)}</span>
            )}
          </a>
          {props.canSupervise && (
            <a href="#supervision" aria-current={props.section === 'supervision' ? 'page' : undefined}>
              {t('header.supervision')}
            </a>
          )}
          {props.isAdmin && (
            <a href="#admin" aria-current={props.section === 'admin' ? 'page' : undefined}>
              {t('header.admin')}
            </a>
          )}
        </nav>
      )}
      <span class="topbar-spacer" />
      <span class="who">{props.displayName}</span>
      <PresenceSwitch status={props.status} disabled={!props.connected} onChange={props.onPresence} />
      <button
        type="button"
        class="button button-quiet button-small"
        ref={helpButton}
        aria-haspopup="dialog"
        onClick={() => setHelpOpen(true)}
      >
        {t('header.shortcuts')}
      </button>
      {helpOpen && <ShortcutsHelp onClose={closeHelp} />}
      <LanguageSwitch />
      <button type="button" class="button button-quiet button-small" onClick={props.onLogout}>
        {t('header.logout')}
      </button>
    </header>
  );
}
