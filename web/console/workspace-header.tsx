// The workspace's top bar: the sections, her presence, her tools (alerts, canned answers, keyboard shortcuts),
// and her name, which opens her account, the language and sign-out.
import { useRef, useState } from 'preact/hooks';
import type { Role } from '../../src/protocol/schemas.ts';
import type { PresenceStatus } from '../../src/protocol/views.ts';
import { plural } from '../ui/i18n.ts';
import { AccountMenu } from './account-menu.tsx';
import type { AlertPreferences } from './alert-preferences.ts';
import { AlertSettings } from './alert-settings.tsx';
import { CannedAnswersDialog } from './canned-answers-dialog.tsx';
import { useCannedAnswersOf } from './canned-api.ts';
import type { Section } from './hooks.ts';
import { useLocale } from './locale-context.ts';
import { PresenceSwitch } from './presence-switch.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';

interface WorkspaceHeaderProps {
  staffId: string;
  role: Role;
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
  alerts: AlertPreferences;
  onAlerts: (preferences: AlertPreferences) => void;
}

export function WorkspaceHeader(props: WorkspaceHeaderProps) {
  const { t, locale } = useLocale();
  const [helpOpen, setHelpOpen] = useState(false);
  const helpButton = useRef<HTMLButtonElement>(null);
  const closeHelp = () => {
    setHelpOpen(false);
    helpButton.current?.focus();
  };
  const [alertsOpen, setAlertsOpen] = useState(false);
  const alertsButton = useRef<HTMLButtonElement>(null);
  const closeAlerts = () => {
    setAlertsOpen(false);
    alertsButton.current?.focus();
  };
  const answers = useCannedAnswersOf(props.staffId);
  const [cannedOpen, setCannedOpen] = useState(false);
  const cannedButton = useRef<HTMLButtonElement>(null);
  const closeCanned = () => {
    setCannedOpen(false);
    cannedButton.current?.focus();
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
          {props.canSupervise && (
            <a href="#statistics" aria-current={props.section === 'statistics' ? 'page' : undefined}>
              {t('header.statistics')}
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
      <PresenceSwitch status={props.status} disabled={!props.connected} onChange={props.onPresence} />
      <button
        type="button"
        class="button button-quiet button-small"
        ref={alertsButton}
        aria-haspopup="dialog"
        onClick={() => setAlertsOpen(true)}
      >
        {t('alerts.open')}
      </button>
      <button
        type="button"
        class="button button-quiet button-small"
        ref={cannedButton}
        aria-haspopup="dialog"
        onClick={() => setCannedOpen(true)}
      >
        {t('canned.open')}
      </button>
      {cannedOpen && (
        <CannedAnswersDialog staffId={props.staffId} role={props.role} answers={answers} onClose={closeCanned} />
      )}
      {alertsOpen && <AlertSettings preferences={props.alerts} onChange={props.onAlerts} onClose={closeAlerts} />}
      <button
        type="button"
        class="button button-quiet button-small topbar-shortcuts"
        ref={helpButton}
        aria-haspopup="dialog"
        onClick={() => setHelpOpen(true)}
      >
        {t('header.shortcuts')}
      </button>
      {helpOpen && <ShortcutsHelp onClose={closeHelp} />}
      <AccountMenu displayName={props.displayName} section={props.section} onLogout={props.onLogout} />
    </header>
  );
}
