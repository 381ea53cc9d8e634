import { describe, expect, it } from 'vitest';
import type { StaffConversationView } from '../../src/protocol/views.ts';
import { type LoggedMessage, pendingMessage } from '../ui/message-log.ts';
import type { ConversationTab } from './console-state.ts';
import { awaitingReplySince, lastWords } from './conversation-summary.ts';

const said = (
  seq: number,
  author: LoggedMessage['author'],
  text: string,
  staffId: string | null = null,
): LoggedMessage => ({
  clientId: `c${seq}`,
  seq,
  author,
  text,
  sentAt: `2026-03-02T14:0${seq}:00.000Z`,
  state: 'sent',
  staffId,
  staffName: staffId ? 'Léa' : null,
});

const aTab = (log: LoggedMessage[], status: StaffConversationView['status'] = 'active'): ConversationTab => ({
  view: { id: 'x', status } as StaffConversationView,
  number: 1,
  log,
  unread: 0,
  visitorTyping: false,
  failed: [],
  sendError: null,
});

describe('what the conversation list says', () => {
  it('gives the last words said, hers, a colleague’s or the visitor’s, and skips system lines', () => {
    expect(lastWords(aTab([said(1, 'visitor', 'Bonjour\n  vous êtes là ?')]), 'me')).toEqual({
      by: 'visitor',
      name: null,
      text: 'Bonjour vous êtes là ?',
    });
    expect(lastWords(aTab([said(1, 'counselor', 'Oui', 'me'), said(2, 'system', 'fin')]), 'me')?.by).toBe('me');
    expect(lastWords(aTab([said(1, 'counselor', 'Oui', 'lea')]), 'me')).toMatchObject({ by: 'colleague', name: 'Léa' });
    expect(lastWords(aTab([pendingMessage('p', 'counselor', 'en route')]), 'me')?.by).toBe('me');
    expect(lastWords(aTab([]), 'me')).toBeNull();
    expect(lastWords(aTab([said(1, 'visitor', 'x'.repeat(500))]), 'me')?.text).toHaveLength(120);
  });

  it('counts her wait from the first message nobody has answered, while the conversation goes on', () => {
    const log = [said(1, 'visitor', 'a'), said(2, 'counselor', 'b', 'me'), said(3, 'visitor', 'c')];
    expect(awaitingReplySince(aTab([...log, said(4, 'visitor', 'd'), said(5, 'system', 'e')]))).toBe(
      '2026-03-02T14:03:00.000Z',
    );
    expect(awaitingReplySince(aTab([...log, said(4, 'counselor', 'd', 'lea')]))).toBeNull();
    expect(awaitingReplySince(aTab([...log, pendingMessage('p', 'counselor', 'en route')]))).toBeNull();
    expect(awaitingReplySince(aTab(log, 'closed'))).toBeNull();
    expect(awaitingReplySince(aTab([]))).toBeNull();
  });
});
