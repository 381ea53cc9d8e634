// The visitor's side of the conversation protocol, apart from any screen: start, resume after every
// reconnect, reliable sends by client id, typing, end. Socket.IO delivers at most once, so delivery rests on
// acknowledgements, idempotent re-sends and replay by `seq`, never on the socket staying up.
import { visitorEvents } from '../../src/protocol/events.ts';
import { MAX_MESSAGE_LENGTH } from '../../src/protocol/limits.ts';
import type { IntakeAnswers } from '../../src/protocol/settings-schema.ts';
import type { Ack, MessageView, VisitorConversationView } from '../../src/protocol/views.ts';
import type { WorkChallengeView, WorkSolution } from '../../src/protocol/work.ts';
import type { Locale } from '../ui/i18n.ts';
import {
  addPending,
  type LoggedMessage,
  lastSeq,
  mergeMessages,
  pendingMessage,
  pendingMessages,
} from '../ui/message-log.ts';
import { createTypingNotifier } from './typing-notifier.ts';

/** The tab token lives in sessionStorage only: it dies with the tab and never reaches a cookie or disk profile. */
export const TOKEN_KEY = 'havre.token';
/** A random id of this tab, sent on start so that a block can refuse the same tab (only its hash is kept). */
export const TAB_KEY = 'havre.tab';
/**
 * Her messages still on their way, kept in the tab's storage until the server has them, so that a reload does
 * not lose them silently: they are sent again after the resume, same client ids (the server keeps one copy).
 * The open tab already shows the conversation and holds its token; this adds nothing someone at the device
 * could not read there, and quick exit wipes it with the rest (decision 0008).
 */
export const PENDING_KEY = 'havre.pending';
export const ACK_TIMEOUT_MS = 10_000;
export const RETRY_DELAY_MS = 3_000;
/** A lost `typing: false` must not leave "La conseillère écrit…" on screen forever. */
export const COUNSELOR_TYPING_TTL_MS = 15_000;
/** Leaving the page at once would abort a long-polling request carrying `conversation:end`. */
export const QUICK_EXIT_WAIT_MS = 500;

export type Phase = 'idle' | 'starting' | 'resuming' | 'open' | 'closed';
export type Problem =
  | 'queue-closed'
  | 'intake-paused'
  | 'queue-full'
  | 'rate-limited'
  | 'unavailable'
  | 'unreachable'
  | 'expired'
  | null;

/** Why the server turned a new conversation away, by error code; anything else means it could not be reached. */
const refusals: Readonly<Record<string, Problem>> = {
  QUEUE_CLOSED: 'queue-closed',
  INTAKE_PAUSED: 'intake-paused',
  QUEUE_FULL: 'queue-full',
  RATE_LIMITED: 'rate-limited',
  UNAVAILABLE: 'unavailable',
};

export interface VisitorSnapshot {
  phase: Phase;
  /** Whether the socket is up; only meaningful once a conversation is under way. */
  connected: boolean;
  conversation: VisitorConversationView | null;
  log: readonly LoggedMessage[];
  /** Client ids of her messages the server refused; they stay pending and can be sent again. */
  failed: ReadonlySet<string>;
  counselorTyping: boolean;
  problem: Problem;
  /** Set when she closed the conversation herself, with the state it was in, so the last screen can say so. */
  endedByVisitor: 'waiting' | 'active' | null;
  /** She erased the finished conversation from this device; the closing screen says it is done. */
  erased: boolean;
  /**
   * Once a conversation someone answered has ended: her resume token, in this tab's memory only (no longer
   * stored), so that she may answer "Did this help?" once. Gone with an answer, an erase, a quick exit.
   */
  surveyToken: string | null;
}

type AckCallback = (err: Error | null, response: unknown) => void;

/** The part of a socket.io-client Socket this module uses, so tests can hand it a fake. */
export interface VisitorSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, payload: unknown, ack: () => void): unknown;
  timeout(ms: number): { emit(event: string, payload: unknown, ack: AckCallback): unknown };
  connect(): unknown;
  disconnect(): unknown;
}

/** Solves the admission work off the main thread; `stop` ends the search (quick exit). */
export type WorkSolver = (challenge: WorkChallengeView) => { solution: Promise<WorkSolution>; stop(): void };

/** A solution the server may refuse for reasons she cannot help (expired, used): one fresh challenge, once. */
const WORK_RETRIED = ['WORK_EXPIRED', 'WORK_REPLAYED', 'WORK_INVALID'];

export interface ConversationClientDeps {
  connect: () => VisitorSocket;
  solveWork: WorkSolver;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  newClientId: () => string;
}

export interface ConversationClient {
  snapshot(): VisitorSnapshot;
  subscribe(listener: (snapshot: VisitorSnapshot) => void): () => void;
  /** On page load: picks up the conversation of this tab, if any. */
  resumeIfAny(): void;
  /** `intake` holds only the questions she answered; left out when she answered none. */
  start(locale: Locale, intake?: IntakeAnswers): void;
  /** Returns false when the text cannot be sent (empty, too long, no conversation). */
  send(text: string): boolean;
  retry(clientId: string): void;
  noteTyping(): void;
  end(): void;
  /** Back to the home screen after the closing screen, or a clean home screen after a refusal. */
  reset(): void;
  /** On the closing screen: drops what is left of the conversation from memory. */
  erase(): void;
  /** She answered "Did this help?" (or the server would not ask): the token is dropped from memory. */
  surveyAnswered(): void;
  /**
   * Quick exit: forgets everything at once and tells the server she left. Resolves when the server has it,
   * or after `QUICK_EXIT_WAIT_MS` at most, so that the caller can leave the page without losing the word.
   */
  forget(): Promise<void>;
}

const noop = () => {};

const initialSnapshot: VisitorSnapshot = {
  phase: 'idle',
  connected: false,
  conversation: null,
  log: [],
  failed: new Set(),
  counselorTyping: false,
  problem: null,
  endedByVisitor: null,
  erased: false,
  surveyToken: null,
};

export function createConversationClient(deps: ConversationClientDeps): ConversationClient {
  let state = initialSnapshot;
  const listeners = new Set<(snapshot: VisitorSnapshot) => void>();
  let socket: VisitorSocket | null = null;
  /** Ends the admission work under way, if any: quick exit must not leave a worker hashing. */
  let stopWork: () => void = noop;
  /** Bumped on every connect and disconnect: an answer from an older connection is ignored. */
  let generation = 0;
  /** True once the server has tied this connection to the conversation (start or resume acknowledged). */
  let bound = false;
  /** The one message on its way; sending one at a time keeps her messages in the order she wrote them. */
  let inFlight: string | null = null;
  let counselorTypingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last seq told to the server as seen: her counselor then sees "Lu" under her messages. */
  let toldRead = 0;

  const typing = createTypingNotifier((value) => {
    if (socket && bound) socket.emit(visitorEvents.typing, { typing: value }, noop);
  });

  function update(patch: Partial<VisitorSnapshot>): void {
    state = { ...state, ...patch };
    if (patch.log) keepPending(state.log);
    for (const listener of listeners) listener(state);
  }

  function keepPending(log: readonly LoggedMessage[]): void {
    const pending = pendingMessages(log).map(({ clientId, text }) => ({ clientId, text }));
    try {
      if (pending.length === 0) deps.storage.removeItem(PENDING_KEY);
      else deps.storage.setItem(PENDING_KEY, JSON.stringify(pending));
    } catch {
      // a full or refused storage: they stay on their way in memory, as with storage blocked
    }
  }

  function storedPending(): LoggedMessage[] {
    try {
      const stored = JSON.parse(deps.storage.getItem(PENDING_KEY) ?? '[]') as unknown;
      if (!Array.isArray(stored)) return [];
      return stored
        .filter(
          (item): item is { clientId: string; text: string } =>
            typeof item?.clientId === 'string' && typeof item?.text === 'string',
        )
        .map(({ clientId, text }) => pendingMessage(clientId, 'visitor', text));
    } catch {
      return [];
    }
  }

  /** Her page is visible with the messages on it: seen. A hint, never retried. */
  function tellRead(): void {
    const seq = lastSeq(state.log);
    if (!socket || !bound || seq <= toldRead || globalThis.document?.visibilityState === 'hidden') return;
    toldRead = seq;
    socket.emit(visitorEvents.read, { seq }, noop);
  }
  globalThis.document?.addEventListener('visibilitychange', tellRead);

  /**
   * A phone back from a tunnel: Socket.IO would wait out its back-off, or, for a socket that still looks open
   * though the server closed it long ago, the next missed heartbeat (up to 45 s). When the network comes back,
   * the socket is opened anew (her address may have changed anyway), and the conversation resumes at once.
   */
  globalThis.addEventListener?.('online', () => {
    const current = socket;
    if (!current) return;
    current.disconnect();
    current.connect();
  });

  function openSocket(): VisitorSocket {
    if (socket) return socket;
    const current = deps.connect();
    socket = current;
    const live = () => socket === current;
    current.on('connect', () => {
      if (!live()) return;
      generation += 1;
      bound = false;
      inFlight = null;
      update({ connected: true });
      if (state.phase === 'resuming' || state.phase === 'open') resume(current);
    });
    current.on('disconnect', (reason: string) => {
      if (!live()) return;
      generation += 1;
      bound = false;
      inFlight = null;
      setCounselorTyping(false);
      update({ connected: false });
      // Socket.IO does not reconnect by itself after a server-side disconnect; a conversation must go on.
      if (reason === 'io server disconnect') {
        setTimeout(() => {
          if (live()) current.connect();
        }, RETRY_DELAY_MS);
      }
    });
    current.on(visitorEvents.state, (view: VisitorConversationView) => {
      if (live() && (state.phase === 'open' || state.phase === 'starting')) applyConversation(view);
    });
    current.on(visitorEvents.message, (message: MessageView) => {
      if (!live() || state.phase !== 'open') return;
      if (message.author === 'counselor') setCounselorTyping(false);
      update({ log: mergeMessages(state.log, [message]) });
      tellRead();
    });
    current.on(visitorEvents.read, ({ seq }: { seq: number }) => {
      if (live() && state.conversation) update({ conversation: { ...state.conversation, counselorReadSeq: seq } });
    });
    current.on(visitorEvents.counselorTyping, (payload: { typing: boolean }) => {
      if (live() && state.phase === 'open') setCounselorTyping(payload.typing === true);
    });
    return current;
  }

  function closeSocket(): void {
    const current = socket;
    socket = null;
    generation += 1;
    bound = false;
    inFlight = null;
    current?.disconnect();
  }

  function setCounselorTyping(value: boolean): void {
    clearTimeout(counselorTypingTimer);
    if (value) counselorTypingTimer = setTimeout(() => setCounselorTyping(false), COUNSELOR_TYPING_TTL_MS);
    if (state.counselorTyping !== value) update({ counselorTyping: value });
  }

  function applyConversation(view: VisitorConversationView): void {
    if (view.status === 'closed') closeUp(view);
    else update({ conversation: view });
  }

  /** The conversation is over: drop the token and, since the device may be watched, the messages too. */
  function closeUp(view: VisitorConversationView | null): void {
    typing.stop();
    // Someone answered her: she may say whether it helped, with the token that proves the conversation hers.
    const surveyToken = state.conversation?.status === 'active' ? deps.storage.getItem(TOKEN_KEY) : null;
    deps.storage.removeItem(TOKEN_KEY);
    closeSocket();
    setCounselorTyping(false);
    const conversation = view ?? (state.conversation && { ...state.conversation, status: 'closed' as const });
    update({ phase: 'closed', connected: false, conversation, log: [], failed: new Set(), surveyToken });
  }

  function resume(current: VisitorSocket): void {
    const token = deps.storage.getItem(TOKEN_KEY);
    if (!token) return;
    const asked = generation;
    const payload = { token, afterSeq: lastSeq(state.log) };
    current.timeout(ACK_TIMEOUT_MS).emit(visitorEvents.resume, payload, (err, response) => {
      if (asked !== generation) return;
      if (err) {
        if (current.connected) resume(current);
        return;
      }
      const ack = response as Ack<{ conversation: VisitorConversationView; messages: MessageView[] }>;
      if (!ack.ok) {
        if (ack.error.code === 'NOT_FOUND' || ack.error.code === 'INVALID_PAYLOAD') {
          deps.storage.removeItem(TOKEN_KEY);
          closeSocket();
          update({ ...initialSnapshot, problem: 'expired' });
        } else {
          setTimeout(() => asked === generation && resume(current), RETRY_DELAY_MS);
        }
        return;
      }
      bound = true;
      update({ phase: 'open', log: mergeMessages(state.log, ack.messages), failed: new Set() });
      applyConversation(ack.conversation);
      pump();
      tellRead();
    });
  }

  /** Sends the oldest pending message that is not refused, if the connection is ready and none is on its way. */
  function pump(): void {
    const current = socket;
    if (!current?.connected || !bound || inFlight !== null || state.phase !== 'open') return;
    const next = pendingMessages(state.log).find((message) => !state.failed.has(message.clientId));
    if (!next) return;
    inFlight = next.clientId;
    const asked = generation;
    const payload = { clientId: next.clientId, text: next.text };
    current.timeout(ACK_TIMEOUT_MS).emit(visitorEvents.send, payload, (err, response) => {
      if (asked !== generation) return; // the resume after the reconnect sends it again, same client id
      inFlight = null;
      if (err) {
        pump(); // timed out on a live connection: the same client id again, the server keeps one copy
        return;
      }
      const ack = response as Ack<{ message: MessageView }>;
      if (!ack.ok && (ack.error.code === 'RATE_LIMITED' || ack.error.code === 'UNAVAILABLE')) {
        // Too fast for the door, or the service cannot reach its database for a moment: nothing was kept, the
        // message stays on its way and goes again when the wait is over (same client id: one copy at most).
        inFlight = next.clientId;
        setTimeout(
          () => {
            if (asked !== generation) return;
            inFlight = null;
            pump();
          },
          (ack.error.retryAfterSeconds ?? 1) * 1000,
        );
        return;
      }
      if (ack.ok) update({ log: mergeMessages(state.log, [ack.message]) });
      else update({ failed: new Set([...state.failed, next.clientId]) });
      pump();
    });
  }

  return {
    snapshot: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    resumeIfAny() {
      if (state.phase !== 'idle' || !deps.storage.getItem(TOKEN_KEY)) return;
      // What she had sent before the reload and the server had not confirmed goes again after the resume.
      update({ phase: 'resuming', problem: null, log: storedPending() });
      const current = openSocket();
      if (current.connected) resume(current);
    },

    start(locale, intake) {
      if (state.phase !== 'idle') return;
      update({ ...initialSnapshot, phase: 'starting' });
      const current = openSocket();
      const tab = deps.storage.getItem(TAB_KEY) ?? deps.newClientId();
      deps.storage.setItem(TAB_KEY, tab);
      const payload = intake && Object.keys(intake).length > 0 ? { locale, intake, tab } : { locale, tab };
      const ask = <T>(event: string, body: unknown) =>
        new Promise<Ack<T> | undefined>((resolve) =>
          current
            .timeout(ACK_TIMEOUT_MS)
            .emit(event, body, (err, response) => resolve(err ? undefined : (response as Ack<T>))),
        );
      const live = () => socket === current && state.phase === 'starting';
      const attempt = async (
        retries: number,
      ): Promise<Ack<{ token: string; conversation: VisitorConversationView }> | undefined> => {
        const asked = await ask<{ challenge: WorkChallengeView }>(visitorEvents.challenge, {});
        if (!asked?.ok) return asked;
        if (!live()) return undefined;
        const solving = deps.solveWork(asked.challenge);
        stopWork = solving.stop;
        const work = await solving.solution;
        if (!live()) return undefined;
        const ack = await ask<{ token: string; conversation: VisitorConversationView }>(visitorEvents.start, {
          ...payload,
          work,
        });
        return ack && !ack.ok && retries > 0 && WORK_RETRIED.includes(ack.error.code) ? attempt(retries - 1) : ack;
      };
      attempt(1).then(
        (ack) => {
          if (!live()) return;
          if (!ack?.ok) {
            closeSocket();
            const code = ack && !ack.ok ? ack.error.code : '';
            const problem = Object.hasOwn(refusals, code) ? (refusals[code] ?? null) : 'unreachable';
            update({ ...initialSnapshot, problem });
            return;
          }
          deps.storage.setItem(TOKEN_KEY, ack.token);
          bound = current.connected;
          update({ phase: 'open', connected: current.connected });
          applyConversation(ack.conversation);
        },
        () => {
          if (!live()) return;
          closeSocket();
          update({ ...initialSnapshot, problem: 'unreachable' });
        },
      );
    },

    send(text) {
      const body = text.trim();
      if (state.phase !== 'open' || body.length === 0 || body.length > MAX_MESSAGE_LENGTH) return false;
      typing.stop();
      update({ log: addPending(state.log, pendingMessage(deps.newClientId(), 'visitor', body)) });
      pump();
      return true;
    },

    retry(clientId) {
      if (!state.failed.has(clientId)) return;
      update({ failed: new Set([...state.failed].filter((id) => id !== clientId)) });
      pump();
    },

    noteTyping() {
      if (state.phase === 'open' && state.conversation?.status === 'active') typing.input();
    },

    end() {
      if (state.phase !== 'open') return;
      update({ endedByVisitor: state.conversation?.status === 'waiting' ? 'waiting' : 'active' });
      const current = socket;
      if (!current || !bound) {
        // Her wish to leave wins over the network: close here; the server sees the socket go.
        closeUp(null);
        return;
      }
      current.timeout(ACK_TIMEOUT_MS).emit(visitorEvents.end, {}, (err, response) => {
        if (socket !== current) return;
        const ack = response as Ack<{ conversation: VisitorConversationView }> | undefined;
        closeUp(!err && ack?.ok ? ack.conversation : null);
      });
    },

    reset() {
      if (state.phase === 'closed' || state.phase === 'idle') update({ ...initialSnapshot });
    },

    erase() {
      if (state.phase !== 'closed') return;
      deps.storage.removeItem(TOKEN_KEY);
      update({ conversation: null, log: [], failed: new Set(), endedByVisitor: null, erased: true, surveyToken: null });
    },

    surveyAnswered() {
      update({ surveyToken: null });
    },

    forget() {
      typing.stop();
      stopWork();
      deps.storage.removeItem(TOKEN_KEY);
      const current = socket;
      const told = new Promise<void>((resolve) => {
        if (!current || !bound) return resolve();
        current.timeout(QUICK_EXIT_WAIT_MS).emit(visitorEvents.end, { reason: 'quick_exit' }, () => resolve());
      });
      socket = null; // events from here on are ignored; the socket is closed once the end is sent
      generation += 1;
      bound = false;
      update({ ...initialSnapshot });
      return told.then(() => {
        current?.disconnect();
      });
    },
  };
}
