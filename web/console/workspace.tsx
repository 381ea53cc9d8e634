// The signed-in workspace: the live staff socket, the waiting list and her conversations, and for admins the
// administration section. Conversations stay mounted while she is in the admin section, so drafts survive.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PresenceStatus } from '../../src/protocol/views.ts';
import { AccountPage } from './account-page.tsx';
import { AdminPage } from './admin-page.tsx';
import type { ApiError } from './api.ts';
import type { ConsoleClient } from './console-client.ts';
import { type ConsoleState, totalUnread } from './console-state.ts';
import { ConversationArea } from './conversation-area.tsx';
import { errorText } from './error-text.ts';
import { useSection } from './hooks.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import { QueuePanel } from './queue-panel.tsx';
import { fetchMe, logOut, type StaffIdentity } from './session.ts';
import { useProvideStaffSocket } from './staff-socket.ts';
import { StatisticsPage } from './statistics-page.tsx';
import { SupervisionPage } from './supervision-page.tsx';
import { useAlertPreferences, useAlerts, useDocumentVisible } from './use-alerts.ts';
import { useConsoleClient } from './use-console-client.ts';
import { WorkspaceHeader } from './workspace-header.tsx';

/** How often to ask again whether her session is valid while the server cannot tell. */
const SESSION_RECHECK_MS = 3_000;

interface WorkspaceProps {
  me: StaffIdentity;
  onSignedOut: (notice: MessageKey | null) => void;
}

function ConnectionBanner({ connection }: { connection: ConsoleState['connection'] }) {
  const { t } = useLocale();
  if (connection === 'connected') return null;
  return (
    <p class={connection === 'disconnected' ? 'connection is-lost' : 'connection'} role="status">
      {t(connection === 'disconnected' ? 'connection.disconnected' : 'connection.connecting')}
    </p>
  );
}

export function Workspace({ me, onSignedOut }: WorkspaceProps) {
  const { t } = useLocale();
  const section = useSection();
  const [presenceError, setPresenceError] = useState<ApiError | null>(null);
  const isAdmin = me.role === 'admin';
  const showAdmin = isAdmin && section === 'admin';
  const showAccount = section === 'account';
  const canSupervise = me.role === 'supervisor' || me.role === 'admin';
  const showSupervision = canSupervise && section === 'supervision';
  const showStatistics = canSupervise && section === 'statistics';
  /** Another section is on screen: the desk stays mounted (drafts survive) but hidden and deaf to shortcuts. */
  const offDesk = showAdmin || showAccount || showSupervision || showStatistics;

  // The server dropped or refused the socket: reconnect if the session is still valid, back to sign-in only if
  // the server says it has ended. When it cannot tell (its database is away, the network is down), her session
  // may well be valid: wait and ask again, with the console showing that the connection is lost meanwhile.
  const onSessionLost = useCallback(
    async function checkSession(lost: ConsoleClient): Promise<void> {
      const still = await fetchMe();
      if (still.ok) lost.reconnect();
      else if (still.error.code === 'UNAUTHENTICATED') onSignedOut('login.sessionEnded');
      else setTimeout(() => void checkSession(lost), SESSION_RECHECK_MS);
    },
    [onSignedOut],
  );
  const { state, client, socket } = useConsoleClient(onSessionLost);
  useProvideStaffSocket(socket);

  // Messages that arrive while she is in the admin section or another browser tab count as unread.
  useEffect(() => {
    if (!client) return;
    const update = () => client.setViewing(!offDesk && document.visibilityState === 'visible');
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, [client, offDesk]);

  const unread = totalUnread(state);
  const [alerts, setAlerts] = useAlertPreferences(me.id);
  const visible = useDocumentVisible();
  useAlerts(state, !offDesk && visible, alerts);

  const setPresence = async (status: PresenceStatus) => {
    if (!client) return;
    const ack = await client.setPresence(status);
    setPresenceError(ack.ok ? null : ack.error);
  };

  const logout = async () => {
    // Close our socket first: the server drops it at logout, which must not read as a lost session.
    client?.close();
    await logOut();
    history.replaceState(null, '', location.pathname);
    onSignedOut(null);
  };

  return (
    <div class="workspace">
      <WorkspaceHeader
        staffId={me.id}
        role={me.role}
        displayName={state.me?.displayName ?? me.displayName}
        isAdmin={isAdmin}
        canSupervise={canSupervise}
        section={
          showAdmin
            ? 'admin'
            : showAccount
              ? 'account'
              : showSupervision
                ? 'supervision'
                : showStatistics
                  ? 'statistics'
                  : 'conversations'
        }
        status={state.me?.status ?? null}
        connected={state.connection === 'connected'}
        unread={unread}
        onPresence={setPresence}
        onLogout={logout}
        alerts={alerts}
        onAlerts={setAlerts}
      />
      <ConnectionBanner connection={state.connection} />
      {presenceError && (
        <p class="error banner" role="alert">
          {errorText(t, presenceError)}
        </p>
      )}
      <main class="desk" hidden={offDesk} aria-labelledby="desk-title">
        <h1 id="desk-title" class="visually-hidden">
          {t('header.conversations')}
        </h1>
        <QueuePanel state={state} client={client} keyboard={!offDesk} />
        <ConversationArea state={state} client={client} keyboard={!offDesk} />
      </main>
      {showAdmin && <AdminPage me={me} />}
      {showAccount && <AccountPage />}
      {showStatistics && <StatisticsPage />}
      {showSupervision && socket && (
        <SupervisionPage
          socket={socket}
          onTakenOver={(conversationId) => {
            client?.select(conversationId);
            location.hash = '#conversations';
          }}
        />
      )}
    </div>
  );
}
