// What her conversation list says of each conversation: the last words said (hers "Vous", a colleague's by
// name, the visitor's bare) and, while the visitor wrote last, since when she has been waiting for a reply.
// Pure: the tab gives the log, the caller the clock.
import type { LoggedMessage } from '../ui/message-log.ts';
import type { ConversationTab } from './console-state.ts';

/** Long enough to recognise a conversation; the list cuts it to its width. */
const SHOWN_CHARACTERS = 120;

export interface LastWords {
  by: 'visitor' | 'me' | 'colleague';
  /** The colleague's name, when a colleague wrote them (before a transfer or a take-over). */
  name: string | null;
  text: string;
}

const spoken = (log: readonly LoggedMessage[]) => log.filter((message) => message.author !== 'system');

export function lastWords(tab: ConversationTab, meId: string | null): LastWords | null {
  const last = spoken(tab.log).at(-1);
  if (!last) return null;
  const text = last.text.replace(/\s+/g, ' ').trim().slice(0, SHOWN_CHARACTERS);
  if (last.author === 'visitor') return { by: 'visitor', name: null, text };
  const colleague = last.staffId != null && meId !== null && last.staffId !== meId;
  return colleague ? { by: 'colleague', name: last.staffName ?? null, text } : { by: 'me', name: null, text };
}

/**
 * While the conversation goes on and the visitor wrote last: when the first of her messages that nobody has
 * answered yet arrived (ISO). Null once a counselor replied, or when it has ended.
 */
export function awaitingReplySince(tab: ConversationTab): string | null {
  if (tab.view.status !== 'active') return null;
  const log = spoken(tab.log);
  let since: string | null = null;
  for (let index = log.length - 1; index >= 0 && log[index]?.author === 'visitor'; index -= 1) {
    since = log[index]?.sentAt ?? since;
  }
  return since;
}
