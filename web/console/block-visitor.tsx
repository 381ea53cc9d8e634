// Blocking a troll from her own conversation, after a question that says exactly what will happen. The
// conversation's tab then shows it ended (the server's update arrives on the staff socket).
import { supervisionEvents } from '../../src/protocol/events.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { useLocale } from './locale-context.ts';
import { ask, useStaffSocket } from './staff-socket.ts';

export function BlockVisitor({ conversationId, keyboard = false }: { conversationId: string; keyboard?: boolean }) {
  const { t } = useLocale();
  const socket = useStaffSocket()?.socket;
  const block = async () => {
    if (!socket) return null;
    const ack = await ask(socket, supervisionEvents.block, { conversationId });
    return ack.ok ? null : ack.error;
  };
  return (
    <ConfirmAction
      name="block-visitor"
      label={t('block.button')}
      question={t('block.confirm')}
      yes={t('block.yes')}
      no={t('block.no')}
      tone="danger"
      onConfirm={block}
      shortcut={{ action: 'block-visitor', enabled: keyboard }}
    />
  );
}
