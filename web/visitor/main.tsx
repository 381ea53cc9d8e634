// Entry point of the visitor app at `/`.
import '../ui/base.css';
import './visitor.css';
import { render } from 'preact';
import { io } from 'socket.io-client';
import { namespaces } from '../../src/protocol/events.ts';
import { newClientId } from '../ui/client-id.ts';
import { SOCKET_TRANSPORTS } from '../ui/socket-transports.ts';
import { App } from './app.tsx';
import { createConversationClient } from './conversation-client.ts';
import { tabStorage } from './tab-storage.ts';
import { solveInWorker } from './work-solver.ts';

// With site data blocked, the token lives in memory: the chat works, and resumes only while the page lives.
const { storage, persistent } = tabStorage();
const client = createConversationClient({
  connect: () => io(namespaces.visitor, { transports: SOCKET_TRANSPORTS }),
  storage,
  newClientId,
  solveWork: solveInWorker,
});

const root = document.getElementById('app');
if (root) {
  // The page ships the emergency numbers as plain HTML for slow networks; the app takes over from here.
  root.replaceChildren();
  render(<App client={client} storage={storage} persistent={persistent} />, root);
  // From here the app's own quick exit (which also tells the server) replaces the page's early one.
  (window as { havreApp?: boolean }).havreApp = true;
}
