// Beside the open conversation: the closing form she owes once it has ended (and, later, her private notes).

import { ClosingForm } from './closing-form.tsx';
import type { ConsoleClient } from './console-client.ts';
import type { ConsoleState, ConversationTab } from './console-state.ts';

interface ConversationSideProps {
  tab: ConversationTab;
  state: ConsoleState;
  client: ConsoleClient | null;
}

export function ConversationSide({ tab, state, client }: ConversationSideProps) {
  const formDue = tab.view.status === 'closed' && tab.view.formDue;
  if (!formDue) return null;
  return (
    <aside class="conversation-side">
      <ClosingForm key={tab.view.id} conversationId={tab.view.id} lists={state.closingForm} client={client} />
    </aside>
  );
}
