// The whispers a supervisor sent this counselor, by conversation. Kept from the moment the workspace opens, so
// that a whisper about a conversation she is not looking at waits for her there. Never stored anywhere.
import { useEffect, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { staffEvents, supervisionEvents } from '../../src/protocol/events.ts';
import type { StaffStateView, WhisperView } from '../../src/protocol/views.ts';
import { useStaffSocket } from './staff-socket.ts';

export interface WhisperInbox {
  of(conversationId: string): WhisperView[];
  /** Who from supervision took this conversation over from her, if anyone. */
  takenOverBy(conversationId: string): string | null;
  subscribe(listener: () => void): () => void;
  close(): void;
}

export function createWhisperInbox(socket: Socket): WhisperInbox {
  const byConversation = new Map<string, WhisperView[]>();
  const listeners = new Set<() => void>();
  const takeovers = new Map<string, string>();
  const onTakenOver = ({ conversationId, byName }: { conversationId: string; byName: string }) => {
    takeovers.set(conversationId, byName);
    for (const listener of listeners) listener();
  };
  const onWhisper = (whisper: WhisperView) => {
    const known = byConversation.get(whisper.conversationId) ?? [];
    if (known.some((w) => w.clientId === whisper.clientId)) return;
    byConversation.set(whisper.conversationId, [...known, whisper]);
    for (const listener of listeners) listener();
  };
  socket.on(supervisionEvents.whisperReceived, onWhisper);
  // Her state carries the whispers kept for her open conversations: a reload finds them again.
  const onState = (state: StaffStateView) => {
    for (const whisper of state.whispers) onWhisper(whisper);
  };
  socket.on(staffEvents.state, onState);
  socket.on(supervisionEvents.takenOver, onTakenOver);
  return {
    of: (conversationId) => byConversation.get(conversationId) ?? [],
    takenOverBy: (conversationId) => takeovers.get(conversationId) ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      socket.off(supervisionEvents.whisperReceived, onWhisper);
      socket.off(staffEvents.state, onState);
      socket.off(supervisionEvents.takenOver, onTakenOver);
      listeners.clear();
    },
  };
}

interface SupervisionNotes {
  whispers: WhisperView[];
  takenOverBy: string | null;
}

/** The whispers of one conversation and who took it over, re-rendering when either changes. */
export function useWhispers(conversationId: string): SupervisionNotes {
  const inbox = useStaffSocket()?.inbox ?? null;
  const read = (): SupervisionNotes => ({
    whispers: inbox?.of(conversationId) ?? [],
    takenOverBy: inbox?.takenOverBy(conversationId) ?? null,
  });
  const [notes, setNotes] = useState<SupervisionNotes>(read);
  useEffect(() => {
    if (!inbox) return;
    setNotes(read());
    return inbox.subscribe(() => setNotes(read()));
  }, [inbox, conversationId]);
  return notes;
}
