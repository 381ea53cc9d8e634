// Entry point of the visitor app at `/`.
import '../ui/base.css';
import './visitor.css';
import { render } from 'preact';
import { io } from 'socket.io-client';
import { namespaces } from '../../src/protocol/events.ts';
import { newClientId } from '../ui/client-id.ts';
import { App } from './app.tsx';
import { createConversationClient } from './conversation-client.ts';

const client = createConversationClient({
  connect: () => io(namespaces.visitor),
  storage: window.sessionStorage,
  newClientId,
});

const root = document.getElementById('app');
if (root) {
  // The page ships the emergency numbers as plain HTML for slow networks; the app takes over from here.
  root.replaceChildren();
  render(<App client={client} />, root);
}
