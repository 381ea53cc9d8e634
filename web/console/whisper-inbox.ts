// The whispers a supervisor sent this counselor, by conversation. Kept from the moment the workspace opens, so
// that a whisper about a conversation she is not looking at waits for her there. Never stored anywhere.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { supervisionEvents } from '../../src/protocol/events.ts';
import type { WhisperView } from '../../src/protocol/views.ts';

export interface WhisperInbox {
  of(conversationId: string): WhisperView[];
  subscribe(listener: () => void): () => void;
  close(): void;
}

export function createWhisperInbox(socket: Socket): WhisperInbox {
  const byConversation = new Map<string, WhisperView[]>();
  const listeners = new Set<() => void>();
  const onWhisper = (whisper: WhisperView) => {
    const known = byConversation.get(whisper.conversationId) ?? [];
    if (known.some((w) => w.clientId === whisper.clientId)) return;
    byConversation.set(whisper.conversationId, [...known, whisper]);
    for (const listener of listeners) listener();
  };
  socket.on(supervisionEvents.whisperReceived, onWhisper);
  return {
    of: (conversationId) => byConversation.get(conversationId) ?? [],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      socket.off(supervisionEvents.whisperReceived, onWhisper);
      listeners.clear();
    },
  };
}

export const WhisperInboxContext = createContext<WhisperInbox | null>(null);

/** The whispers of one conversation, re-rendering when a new one arrives. */
export function useWhispers(conversationId: string): WhisperView[] {
  const inbox = useContext(WhisperInboxContext);
  const [whispers, setWhispers] = useState<WhisperView[]>(() => inbox?.of(conversationId) ?? []);
  useEffect(() => {
    if (!inbox) return;
    setWhispers(inbox.of(conversationId));
    return inbox.subscribe(() => setWhispers(inbox.of(conversationId)));
  }, [inbox, conversationId]);
  return whispers;
}

/** The inbox for the workspace's socket, open as long as the socket is. */
export function useWhisperInbox(socket: Socket | null): WhisperInbox | null {
  const [inbox, setInbox] = useState<WhisperInbox | null>(null);
  useEffect(() => {
    if (!socket) return;
    const created = createWhisperInbox(socket);
    setInbox(created);
    return () => created.close();
  }, [socket]);
  return inbox;
}
