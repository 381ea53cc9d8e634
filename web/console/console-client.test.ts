import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { MessageView, StaffConversationView, StaffStateView } from '../../src/protocol/views.ts';
import { defaultClosingForm } from '../../src/server/services/default-settings.ts';
import { createConsoleClient } from './console-client.ts';

type Handler = (...args: unknown[]) => void;
type Answer = (event: string, payload: Record<string, unknown>) => unknown;

/** Just enough of a socket.io client socket: events in, acknowledged emits out, answered by `answer`. */
function aFakeSocket(answer: Answer) {
  const handlers = new Map<string, Handler[]>();
  const sent: { event: string; payload: Record<string, unknown> }[] = [];
  const fake = {
    connected: false,
    active: true,
    sent,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return fake;
    },
    serverSends(event: string, ...args: unknown[]) {
      for (const handler of handlers.get(event) ?? []) handler(...args);
    },
    goOnline() {
      fake.connected = true;
      fake.serverSends('connect');
    },
    goOffline() {
      fake.connected = false;
      fake.serverSends('disconnect', 'transport close');
    },
    timeout: () => ({
      emitWithAck: async (event: string, payload: Record<string, unknown>) => {
        sent.push({ event, payload });
        const reply = answer(event, payload);
        if (reply instanceof Error) throw reply;
        return reply;
      },
    }),
    emit: () => fake,
    connect: () => fake,
    disconnect: () => fake,
    removeAllListeners: () => fake,
  };
  return fake;
}

const conversationId = '00000000-0000-4000-8000-000000000001';
const aConversation = (): StaffConversationView => ({
  id: conversationId,
  status: 'active',
  visitorAwaySince: null,
  visitorNumber: 1,
  counselorReadSeq: 0,
  closedReason: null,
  createdAt: '2026-03-02T14:00:00.000Z',
  assignedAt: '2026-03-02T14:05:00.000Z',
  closedAt: null,
  lastSeq: 1,
  urgent: false,
  intake: {},
  formDue: false,
  visitorReadSeq: 0,
});
const aStaffState = (): StaffStateView => ({
  me: { id: 'me', displayName: 'Inès', role: 'counselor', status: 'available', maxConversations: 2 },
  queue: { waiting: 0, oldestWaitingSince: null, entries: [] },
  conversations: [aConversation()],
  closingForm: defaultClosingForm,
  whispers: [],
  serverTime: '2026-03-02T14:06:00.000Z',
});
const confirmed = (seq: number, clientId: string, text: string): MessageView => ({
  seq,
  clientId,
  author: 'counselor',
  text,
  sentAt: '2026-03-02T14:06:00.000Z',
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('console client', () => {
  it('keeps messages written offline and sends them, in order and with their client ids, after reconnecting', async () => {
    let seq = 1;
    const socket = aFakeSocket((event, payload) => {
      if (event === 'message:history') return { ok: true, messages: [] };
      seq += 1;
      return { ok: true, message: confirmed(seq, String(payload.clientId), String(payload.text)) };
    });
    const client = createConsoleClient({ socket: socket as unknown as Socket, onSessionLost: () => {} });
    socket.goOnline();
    socket.serverSends('staff:state', aStaffState());
    await settle();
    socket.goOffline();

    client.send(conversationId, 'first');
    client.send(conversationId, 'second');
    await settle();
    expect(socket.sent.filter((s) => s.event === 'message:send')).toHaveLength(0);

    socket.goOnline();
    socket.serverSends('staff:state', aStaffState());
    await settle();
    const tab = client.getState().tabs[0];
    const sends = socket.sent.filter((s) => s.event === 'message:send');
    expect(sends.map((s) => s.payload.text)).toEqual(['first', 'second']);
    expect(tab?.log.map((m) => [m.text, m.state])).toEqual([
      ['first', 'sent'],
      ['second', 'sent'],
    ]);
    expect(sends.map((s) => s.payload.clientId)).toEqual(tab?.log.map((m) => m.clientId));
  });

  it('retries a send that timed out with the same client id', async () => {
    let attempts = 0;
    const socket = aFakeSocket((event, payload) => {
      if (event === 'message:history') return { ok: true, messages: [] };
      attempts += 1;
      if (attempts === 1) return new Error('operation has timed out');
      return { ok: true, message: confirmed(2, String(payload.clientId), String(payload.text)) };
    });
    const client = createConsoleClient({ socket: socket as unknown as Socket, onSessionLost: () => {} });
    socket.goOnline();
    socket.serverSends('staff:state', aStaffState());
    client.send(conversationId, 'hello');
    await settle();
    await settle();
    const sends = socket.sent.filter((s) => s.event === 'message:send');
    expect(sends).toHaveLength(2);
    expect(sends[0]?.payload.clientId).toBe(sends[1]?.payload.clientId);
    expect(client.getState().tabs[0]?.log[0]?.state).toBe('sent');
  });

  it('asks for history from the last seq it holds after each connection', async () => {
    const socket = aFakeSocket((_event, payload) =>
      payload.afterSeq === 0
        ? { ok: true, messages: [{ ...confirmed(1, 'v-1', 'hi'), author: 'visitor' }] }
        : { ok: true, messages: [] },
    );
    createConsoleClient({ socket: socket as unknown as Socket, onSessionLost: () => {} });
    socket.goOnline();
    socket.serverSends('staff:state', aStaffState());
    await settle();
    socket.goOffline();
    socket.goOnline();
    socket.serverSends('staff:state', aStaffState());
    await settle();
    const afterSeqs = socket.sent.filter((s) => s.event === 'message:history').map((s) => s.payload.afterSeq);
    expect(afterSeqs).toEqual([0, 1, 1]);
  });
});
