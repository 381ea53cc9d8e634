// Beside the open conversation: the closing form she owes once it has ended, and her private notes.

import { ClosingForm } from './closing-form.tsx';
import type { ConsoleClient } from './console-client.ts';
import type { ConsoleState, ConversationTab } from './console-state.ts';
import { useLocale } from './locale-context.ts';
import { NotesPanel } from './notes-panel.tsx';
import { TransferButton } from './transfer-dialog.tsx';

interface ConversationSideProps {
  tab: ConversationTab;
  state: ConsoleState;
  client: ConsoleClient | null;
}

export function ConversationSide({ tab, state, client }: ConversationSideProps) {
  const { t } = useLocale();
  const formDue = tab.view.status === 'closed' && tab.view.formDue;
  return (
    <aside class="conversation-side">
      {tab.view.status === 'active' && (
        <TransferButton
          conversationId={tab.view.id}
          visitorName={t('tabs.visitor', { number: tab.number })}
          client={client}
        />
      )}
      {formDue && (
        <ClosingForm conversationId={tab.view.id} lists={state.closingForm} intake={tab.view.intake} client={client} />
      )}
      <NotesPanel
        conversationId={tab.view.id}
        myId={state.me?.id ?? null}
        client={client}
        connections={state.staffStates}
      />
    </aside>
  );
}
