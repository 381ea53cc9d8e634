// Preact binding for the conversation client: re-renders on every change of its snapshot.
import { useEffect, useState } from 'preact/hooks';
import type { ConversationClient, VisitorSnapshot } from './conversation-client.ts';

export function useSnapshot(client: ConversationClient): VisitorSnapshot {
  const [snapshot, setSnapshot] = useState(client.snapshot());
  useEffect(() => {
    setSnapshot(client.snapshot());
    const unsubscribe = client.subscribe(setSnapshot);
    return () => {
      unsubscribe();
    };
  }, [client]);
  return snapshot;
}
