// A bare Socket.IO relay for the load benchmark's comparison: the same events and payload shapes as Havre's
// /visitor and /staff namespaces (so that bench/load.ts drives it with the very same clients), but no
// database, no validation, no session check, no admission work checked and no queue broadcasts: a visitor waits in an in-memory list,
// a counselor takes the first one, and a message is numbered, sent to both sides' rooms and acknowledged.
// Started by bench/load.ts as a child process (PORT, HOST); it exits on SIGTERM or when its stdin closes.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
/** Havre's resting difficulty (src/core/admission-difficulty.ts). */
const WORK_AT_REST = 10_000;

interface Conversation {
  id: string;
  counselor: string | null;
  lastSeq: number;
  createdAt: string;
}

type Ack = (answer: unknown) => void;
const ackOf = (args: unknown[]): Ack => {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as Ack) : () => {};
};

const http = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"ok":true,"status":{"open":true}}');
});
const io = new Server(http, { maxHttpBufferSize: 16 * 1024, serveClient: false });
const visitors = io.of('/visitor');
const staff = io.of('/staff');
const conversations = new Map<string, Conversation>();
const waiting: Conversation[] = [];

const staffView = (c: Conversation) => ({
  id: c.id,
  status: c.counselor ? 'active' : 'waiting',
  closedReason: null,
  createdAt: c.createdAt,
  assignedAt: null,
  closedAt: null,
  lastSeq: c.lastSeq,
});

function relay(conversation: Conversation, author: 'visitor' | 'counselor', clientId: string, text: string) {
  conversation.lastSeq += 1;
  const message = { seq: conversation.lastSeq, clientId, author, text, sentAt: new Date().toISOString() };
  visitors.to(`visitor:${conversation.id}`).emit('message:new', message);
  if (conversation.counselor) {
    staff.to(`staff:${conversation.counselor}`).emit('message:new', { conversationId: conversation.id, message });
  }
  return message;
}

visitors.on('connection', (socket: Socket) => {
  let conversation: Conversation | null = null;
  // The same admission work as Havre at rest, so that clients do the same: issued, never checked.
  socket.on('work:challenge', (...args: unknown[]) => {
    const salt = randomUUID();
    const target = createHash('sha256')
      .update(`${salt}${randomInt(WORK_AT_REST)}`)
      .digest('hex');
    ackOf(args)({
      ok: true,
      challenge: { algorithm: 'SHA-256', salt, target, maxNumber: WORK_AT_REST, signature: '-' },
    });
  });
  socket.on('conversation:start', (...args: unknown[]) => {
    conversation = { id: randomUUID(), counselor: null, lastSeq: 0, createdAt: new Date().toISOString() };
    conversations.set(conversation.id, conversation);
    waiting.push(conversation);
    socket.join(`visitor:${conversation.id}`);
    ackOf(args)({
      ok: true,
      token: 'bare-relay',
      conversation: { status: 'waiting', closedReason: null, position: waiting.length, estimatedWaitMinutes: null },
    });
  });
  socket.on('message:send', (...args: unknown[]) => {
    const { clientId, text } = (args[0] ?? {}) as { clientId: string; text: string };
    if (!conversation) return ackOf(args)({ ok: false, error: { code: 'CONVERSATION_NOT_STARTED', message: '' } });
    ackOf(args)({ ok: true, message: relay(conversation, 'visitor', clientId, text) });
  });
});

staff.on('connection', (socket: Socket) => {
  const me = socket.id;
  socket.join(`staff:${me}`);
  socket.emit('staff:state', {
    me: { id: me, displayName: 'bench', role: 'counselor', status: 'paused', maxConversations: 1 },
    queue: { waiting: waiting.length, oldestWaitingSince: null, entries: [] },
    conversations: [],
  });
  socket.on('presence:set', (...args: unknown[]) => {
    const { status } = (args[0] ?? {}) as { status: string };
    ackOf(args)({ ok: true, status });
  });
  socket.on('queue:take-next', (...args: unknown[]) => {
    const next = waiting.shift();
    if (!next) return ackOf(args)({ ok: false, error: { code: 'QUEUE_EMPTY', message: '' } });
    next.counselor = me;
    visitors.to(`visitor:${next.id}`).emit('conversation:state', {
      status: 'active',
      closedReason: null,
      position: null,
      estimatedWaitMinutes: null,
      lastSeq: next.lastSeq,
    });
    ackOf(args)({ ok: true, conversation: staffView(next), messages: [] });
  });
  socket.on('message:send', (...args: unknown[]) => {
    const { conversationId, clientId, text } = (args[0] ?? {}) as Record<string, string>;
    const conversation = conversations.get(conversationId ?? '');
    if (!conversation || conversation.counselor !== me) {
      return ackOf(args)({ ok: false, error: { code: 'NOT_ASSIGNED', message: '' } });
    }
    ackOf(args)({ ok: true, message: relay(conversation, 'counselor', clientId ?? '', text ?? '') });
  });
});

function stop(): void {
  io.disconnectSockets(true);
  io.close();
  http.close();
  // Open sockets must not keep a stopped relay alive.
  setTimeout(() => process.exit(0), 500).unref();
}

process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
http.listen(port, host);
