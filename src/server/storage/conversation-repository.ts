// Conversations and their messages. The database is the source of truth for the queue, for assignments and
// for sequence numbers; every rule that two processes could race on is decided inside a transaction here.
import { type Kysely, sql, type Transaction } from 'kysely';
import { HavreError } from '../../protocol/errors.ts';
import type { Author, ClosedReason } from '../../protocol/views.ts';
import type { WrappedKey } from '../crypto/content-cipher.ts';
import type { ConversationRow, Database, MessageRow } from './schema.ts';

export interface NewMessage {
  conversationId: string;
  clientId: string;
  author: Author;
  staffId: string | null;
  ciphertext: Buffer;
  sentAt: Date;
}

/** A conversation a counselor held owes a closing form once it ends; one still waiting owes nothing. */
const formDueOnClose = sql<boolean>`counselor_id is not null`;

/** The calendar day before `day` (YYYY-MM-DD). */
function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export function createConversationRepository(db: Kysely<Database>) {
  return {
    /**
     * A raid wave: the waiting conversations that arrived in [from, until], urgent ones only when asked.
     * `dryRun` counts them without ending anything.
     */
    endWaiting: async (range: { from: Date; until: Date; includeUrgent: boolean }, now: Date | null) => {
      if (now === null) {
        let count = db
          .selectFrom('conversations')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('status', '=', 'waiting')
          .where('created_at', '>=', range.from)
          .where('created_at', '<=', range.until);
        if (!range.includeUrgent) count = count.where('urgent', '=', false);
        const row = await count.executeTakeFirst();
        return { count: Number(row?.n ?? 0), ended: [] };
      }
      let update = db
        .updateTable('conversations')
        .set({ status: 'closed', closed_reason: 'raid_wave', closed_at: now, closing_form_due: false })
        .where('status', '=', 'waiting')
        .where('created_at', '>=', range.from)
        .where('created_at', '<=', range.until);
      if (!range.includeUrgent) update = update.where('urgent', '=', false);
      const ended = await update.returningAll().execute();
      return { count: ended.length, ended };
    },
    /** A new waiting conversation and its wrapped data key, together. */
    insert(row: {
      id: string;
      tokenHash: string;
      locale: string;
      createdAt: Date;
      wrappedKey: WrappedKey;
      urgent: boolean;
      intake: Record<string, string>;
      /** The helpline's day (YYYY-MM-DD in its time zone), for the visitor's number. */
      day: string;
    }) {
      return db.transaction().execute(async (trx) => {
        // One atomic step per conversation: two arriving at once never get the same number.
        const { last } = await trx
          .insertInto('daily_numbers')
          .values({ day: row.day, last: 1 })
          .onConflict((conflict) => conflict.column('day').doUpdateSet({ last: sql<number>`daily_numbers.last + 1` }))
          .returning('last')
          .executeTakeFirstOrThrow();
        // Yesterday's count is all the numbering needs; older days go.
        await trx.deleteFrom('daily_numbers').where('day', '<', previousDay(row.day)).execute();
        const conversation = await trx
          .insertInto('conversations')
          .values({
            visitor_number: last,
            id: row.id,
            token_hash: row.tokenHash,
            status: 'waiting',
            locale: row.locale,
            created_at: row.createdAt,
            urgent: row.urgent,
            intake: JSON.stringify(row.intake),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('conversation_keys')
          .values({
            conversation_id: row.id,
            wrapped: row.wrappedKey.wrapped,
            key_epoch: row.wrappedKey.epoch,
            created_at: row.createdAt,
          })
          .execute();
        return conversation;
      });
    },

    async wrappedKey(conversationId: string): Promise<WrappedKey | null> {
      const row = await db
        .selectFrom('conversation_keys')
        .select(['wrapped', 'key_epoch'])
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row ? { wrapped: Buffer.from(row.wrapped), epoch: row.key_epoch } : null;
    },

    /**
     * Wraps again, in batches, the data keys still alive under an epoch before `epoch` (or under the master key
     * alone), so that the keyring may move past it. Rows another node is re-wrapping are skipped. Returns how
     * many were re-wrapped.
     */
    rewrapBefore(epoch: number, limit: number, rewrap: (id: string, stored: WrappedKey) => WrappedKey) {
      return db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('conversation_keys')
          .select(['conversation_id', 'wrapped', 'key_epoch'])
          .where((eb) => eb.or([eb('key_epoch', 'is', null), eb('key_epoch', '<', epoch)]))
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const row of due) {
          const fresh = rewrap(row.conversation_id, { wrapped: Buffer.from(row.wrapped), epoch: row.key_epoch });
          await trx
            .updateTable('conversation_keys')
            .set({ wrapped: fresh.wrapped, key_epoch: fresh.epoch })
            .where('conversation_id', '=', row.conversation_id)
            .execute();
        }
        return due.length;
      });
    },

    /** Frees what the purge deleted (PostgreSQL and PGlite keep dead rows until a vacuum). */
    async vacuumContent(): Promise<void> {
      // The one statement allowed to run long: on its own connection, without the usual statement limit.
      await db.connection().execute(async (connection) => {
        await sql`set statement_timeout = 0`.execute(connection);
        try {
          await sql`vacuum conversation_keys, messages, staff_texts`.execute(connection);
        } finally {
          await sql`reset statement_timeout`.execute(connection);
        }
      });
    },

    async waitingCount(): Promise<number> {
      const row = await db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('status', '=', 'waiting')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    byId: (id: string) => db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst(),

    byTokenHash: (tokenHash: string) =>
      db.selectFrom('conversations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),

    waiting: () =>
      db
        .selectFrom('conversations')
        .select([
          'id',
          'created_at',
          'urgent',
          'last_seq',
          'intake',
          'absent_since',
          'handed_back_at',
          'visitor_number',
        ])
        .where('status', '=', 'waiting')
        .orderBy('urgent', 'desc')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /** Her ended conversations whose closing form she still owes, oldest first. */
    formDueOf: (counselorId: string) =>
      db
        .selectFrom('conversations')
        .selectAll()
        .where('counselor_id', '=', counselorId)
        .where('closing_form_due', '=', true)
        .orderBy('closed_at')
        .execute(),

    activeOf: (counselorId: string) =>
      db
        .selectFrom('conversations')
        .selectAll()
        .where('counselor_id', '=', counselorId)
        .where('status', '=', 'active')
        .orderBy('assigned_at')
        .execute(),

    /** Active conversations per counselor, for free-slot counting. */
    async activeCounts(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('conversations')
        .select(['counselor_id', (eb) => eb.fn.countAll<number>().as('count')])
        .where('status', '=', 'active')
        .groupBy('counselor_id')
        .execute();
      return new Map(rows.map((row) => [row.counselor_id ?? '', Number(row.count)]));
    },

    /** Mean length in minutes of the most recent served conversations, or null when there are none yet. */
    /** How long the last `limit` conversations a counselor held lasted, in minutes, newest first. */
    async recentHandleMinutes(limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('conversations')
        .select(sql<number>`extract(epoch from closed_at - assigned_at)::float8`.as('seconds'))
        .where('status', '=', 'closed')
        .where('assigned_at', 'is not', null)
        .orderBy('closed_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => Number(row.seconds) / 60);
    },

    /**
     * Gives the most urgent, longest-waiting visitor to this counselor if she is below her limit.
     * The counselor's row lock serialises her own concurrent takes (so she never exceeds the limit);
     * SKIP LOCKED lets two counselors take two different visitors at the same moment.
     */
    assignNext(counselorId: string, limit: number, now: Date) {
      return db.transaction().execute(async (trx) => {
        await trx.selectFrom('staff').select('id').where('id', '=', counselorId).forUpdate().execute();
        const active = await countActive(trx, counselorId);
        if (active >= limit) return { outcome: 'at_capacity' as const };
        const next = await nextWaitingForUpdate(trx);
        if (!next) return { outcome: 'empty' as const };
        const conversation = await trx
          .updateTable('conversations')
          .set({ status: 'active', counselor_id: counselorId, assigned_at: now, counselor_absent_since: null })
          .where('id', '=', next.id)
          .where('status', '=', 'waiting')
          .returningAll()
          .executeTakeFirstOrThrow();
        return { outcome: 'assigned' as const, conversation };
      });
    },

    /** Closes a conversation that is still open; returns null if it was closed already. */
    /** The visitor ends it: the reason depends on the status at that very moment, decided in the update. */
    closeByVisitor: (id: string, quickExit: boolean, now: Date) =>
      db
        .updateTable('conversations')
        .set({
          status: 'closed',
          closed_reason: quickExit
            ? 'visitor_left_quickly'
            : sql<ClosedReason>`case when status = 'waiting' then 'abandoned_in_queue' else 'visitor_left' end`,
          closed_at: now,
          closing_form_due: formDueOnClose,
        })
        .where('id', '=', id)
        .where('status', '<>', 'closed')
        .returningAll()
        .executeTakeFirst(),

    /**
     * Closes it for this reason. With `heldBy`, only while that counselor still holds it (a block must not close
     * a conversation a supervisor has just taken over). A blocked troll owes no closing form: the form's
     * categories feed the statistics of real conversations.
     */
    close: (id: string, reason: ClosedReason, now: Date, heldBy?: string) => {
      let query = db
        .updateTable('conversations')
        .set({
          status: 'closed',
          closed_reason: reason,
          closed_at: now,
          closing_form_due: reason === 'blocked' ? false : formDueOnClose,
        })
        .where('id', '=', id)
        .where('status', '<>', 'closed');
      if (heldBy !== undefined) query = query.where('counselor_id', '=', heldBy);
      return query.returningAll().executeTakeFirst();
    },

    /**
     * Destroys the content of up to `limit` conversations closed before `cutoff`: their data keys first, then
     * their ciphertext; the conversation row stays, without its token, for the statistics. Rows another node
     * is purging at the same moment are skipped.
     */
    purgeClosedBefore(cutoff: Date, now: Date, limit: number): Promise<string[]> {
      return db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('conversations')
          .select('id')
          .where('status', '=', 'closed')
          .where('purged_at', 'is', null)
          .where('closed_at', '<', cutoff)
          .orderBy('closed_at')
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        const ids = due.map((row) => row.id);
        if (ids.length === 0) return ids;
        await trx.deleteFrom('conversation_keys').where('conversation_id', 'in', ids).execute();
        await trx.deleteFrom('messages').where('conversation_id', 'in', ids).execute();
        await trx.deleteFrom('staff_texts').where('conversation_id', 'in', ids).execute();
        await trx
          .updateTable('conversations')
          .set({ purged_at: now, token_hash: null })
          .where('id', 'in', ids)
          .execute();
        return ids;
      });
    },

    /** Closing time: every conversation still waiting ends as `turned_away_at_closing`. */
    turnAwayWaiting: (now: Date) =>
      db
        .updateTable('conversations')
        .set({ status: 'closed', closed_reason: 'turned_away_at_closing', closed_at: now, closing_form_due: false })
        .where('status', '=', 'waiting')
        .returningAll()
        .execute(),

    /** Her place was kept as long as decision 0006 says and she has not come back. */
    closeIfStillAbsent: (id: string, now: Date) =>
      db
        .updateTable('conversations')
        .set({ status: 'closed', closed_reason: 'connection_lost', closed_at: now, absent_since: null })
        .where('id', '=', id)
        .where('status', '=', 'waiting')
        .where('absent_since', 'is not', null)
        .returningAll()
        .executeTakeFirst(),

    /** Every open conversation's presence marks, for the cluster's absence sweep (realtime/absence-sweep.ts). */
    openPresence: () =>
      db
        .selectFrom('conversations')
        .select(['id', 'status', 'absent_since', 'counselor_id', 'counselor_absent_since'])
        .where('status', 'in', ['waiting', 'active'])
        .execute(),

    /** No tab of hers is connected any more (kept if already set: absence counts from the first moment). */
    markAbsent: (id: string, now: Date) =>
      db
        .updateTable('conversations')
        .set({ absent_since: now })
        .where('id', '=', id)
        .where('status', 'in', ['waiting', 'active'])
        .where('absent_since', 'is', null)
        .returningAll()
        .executeTakeFirst(),

    /** A tab of hers is back. */
    markPresent: (id: string) =>
      db
        .updateTable('conversations')
        .set({ absent_since: null })
        .where('id', '=', id)
        .where('absent_since', 'is not', null)
        .returningAll()
        .executeTakeFirst(),

    /** Her console is gone: the active conversations she holds, marked from now (kept if already marked). */
    markCounselorAbsent: (staffId: string, now: Date) =>
      db
        .updateTable('conversations')
        .set({ counselor_absent_since: now })
        .where('counselor_id', '=', staffId)
        .where('status', '=', 'active')
        .where('counselor_absent_since', 'is', null)
        .returningAll()
        .execute(),

    /** Her console is back: the conversations she holds that were marked. */
    markCounselorPresent: (staffId: string) =>
      db
        .updateTable('conversations')
        .set({ counselor_absent_since: null })
        .where('counselor_id', '=', staffId)
        .where('status', '=', 'active')
        .where('counselor_absent_since', 'is not', null)
        .returningAll()
        .execute(),

    /** After a start, no console is connected yet: every active conversation's counselor is away until hers is. */
    markAllCounselorsAbsent: (now: Date) =>
      db
        .updateTable('conversations')
        .set({ counselor_absent_since: now })
        .where('status', '=', 'active')
        .where('counselor_absent_since', 'is', null)
        .execute(),

    /**
     * The conversations whose counselor has been away since `before` or longer go back to the queue, with their
     * priority and their place (they keep their arrival time, so they come first among their peers), history and
     * all; answers each with the counselor it had.
     */
    handBackAbandoned: (before: Date, now: Date) =>
      db.transaction().execute(async (trx) => {
        const gone = await trx
          .selectFrom('conversations')
          .select(['id', 'counselor_id'])
          .where('status', '=', 'active')
          .where('counselor_absent_since', '<=', before)
          .forUpdate()
          .execute();
        if (gone.length === 0) return [];
        const rows = await trx
          .updateTable('conversations')
          .set({
            status: 'waiting',
            counselor_id: null,
            assigned_at: null,
            counselor_absent_since: null,
            handed_back_at: now,
          })
          .where(
            'id',
            'in',
            gone.map(({ id }) => id),
          )
          .returningAll()
          .execute();
        const from = new Map(gone.map(({ id, counselor_id }) => [id, counselor_id]));
        return rows.map((conversation) => ({ conversation, from: from.get(conversation.id) ?? null }));
      }),

    /** Active conversations whose visitor has had no tab connected since `before`: she has left. */
    closeGoneVisitors: (before: Date, now: Date) =>
      db
        .updateTable('conversations')
        .set({
          status: 'closed',
          closed_reason: 'visitor_left',
          closed_at: now,
          closing_form_due: formDueOnClose,
          absent_since: null,
          counselor_absent_since: null,
        })
        .where('status', '=', 'active')
        .where('absent_since', '<=', before)
        .returningAll()
        .execute(),

    /** After a start, every waiting visitor is away until a tab of hers reconnects; returns since when each is. */
    markAllWaitingAbsent: async (now: Date) => {
      await db
        .updateTable('conversations')
        .set({ absent_since: now })
        .where('status', '=', 'waiting')
        .where('absent_since', 'is', null)
        .execute();
      return db.selectFrom('conversations').select(['id', 'absent_since']).where('status', '=', 'waiting').execute();
    },

    /**
     * Stores a message once. The routine case (an open conversation, the writer allowed, a client id never
     * seen) is one statement, answered once committed (`appendFresh`): one round trip instead of six. Anything
     * else (a retry, a closed conversation, a counselor it is not given to, two sends of one id at once) takes
     * the transaction below, which locks the conversation row first, so that the client-id check, the sequence
     * number and the insert happen as one step; a retry returns the stored message.
     */
    async appendMessage(
      message: NewMessage,
      mayWrite: (conversation: ConversationRow) => void,
      beforeTransaction?: () => Promise<unknown>,
    ): Promise<{ conversation: ConversationRow; message: MessageRow; created: boolean } | null> {
      const fresh = await appendFresh(db, message).catch((error: unknown) => {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
        throw error;
      });
      if (fresh) return { ...fresh, created: true };
      await beforeTransaction?.();
      return db.transaction().execute(async (trx) => {
        const conversation = await trx
          .selectFrom('conversations')
          .selectAll()
          .where('id', '=', message.conversationId)
          .forUpdate()
          .executeTakeFirst();
        if (!conversation) return null;
        const existing = await trx
          .selectFrom('messages')
          .selectAll()
          .where('conversation_id', '=', message.conversationId)
          .where('client_id', '=', message.clientId)
          .executeTakeFirst();
        // A retry gets its stored message back (even after the conversation closed), but only if it is the
        // same sender's: a client id is no key to someone else's words.
        if (existing && existing.author === message.author && existing.staff_id === message.staffId) {
          return { conversation, message: existing, created: false };
        }
        mayWrite(conversation);
        if (existing) throw new HavreError('INVALID_PAYLOAD', 'this client id belongs to another message');
        const { last_seq } = await trx
          .updateTable('conversations')
          .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
          .where('id', '=', message.conversationId)
          .returning('last_seq')
          .executeTakeFirstOrThrow();
        const stored = await trx
          .insertInto('messages')
          .values({
            conversation_id: message.conversationId,
            seq: last_seq,
            client_id: message.clientId,
            author: message.author,
            staff_id: message.staffId,
            ciphertext: message.ciphertext,
            sent_at: message.sentAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { conversation: { ...conversation, last_seq }, message: stored, created: true };
      });
    },

    messagesAfter: (conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> =>
      db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute(),
  };
}

const UNIQUE_VIOLATION = '23505';

/**
 * A message in one statement: the conversation's sequence moves on only if it is open, the writer may write
 * (a visitor, the system, or the counselor it is given to) and the client id is new; the message is inserted
 * with that number. The update locks the conversation's row as the transaction's `for update` does, so numbers
 * never repeat. Null when any condition fails (the caller's transaction then says which); two sends of one new
 * client id at once meet the unique constraint, and the second goes the same way.
 */
async function appendFresh(
  db: Kysely<Database>,
  message: NewMessage,
): Promise<{ conversation: ConversationRow; message: MessageRow } | null> {
  const { conversationId, clientId, author, staffId, ciphertext, sentAt } = message;
  const { rows } = await sql<ConversationRow & { [K in keyof MessageRow as `m_${K}`]: MessageRow[K] }>`
    with conversation as (
      update conversations set last_seq = last_seq + 1
      where id = ${conversationId}
        and status <> 'closed'
        and (${author}::text <> 'counselor' or counselor_id = ${staffId})
        and not exists (select 1 from messages where conversation_id = ${conversationId} and client_id = ${clientId})
      returning *
    ), inserted as (
      insert into messages (conversation_id, seq, client_id, author, staff_id, ciphertext, sent_at)
      select id, last_seq, ${clientId}, ${author}, ${staffId}, ${ciphertext}, ${sentAt} from conversation
      returning conversation_id as m_conversation_id, seq as m_seq, client_id as m_client_id, author as m_author,
        staff_id as m_staff_id, ciphertext as m_ciphertext, sent_at as m_sent_at
    )
    select * from conversation, inserted`.execute(db);
  const [row] = rows;
  if (!row) return null;
  const { m_conversation_id, m_seq, m_client_id, m_author, m_staff_id, m_ciphertext, m_sent_at, ...conversation } = row;
  return {
    conversation: conversation as ConversationRow,
    message: {
      conversation_id: m_conversation_id,
      seq: m_seq,
      client_id: m_client_id,
      author: m_author,
      staff_id: m_staff_id,
      ciphertext: m_ciphertext,
      sent_at: m_sent_at,
    },
  };
}

/**
 * The most urgent, longest-waiting visitor, locked for this transaction; one another transaction holds is
 * skipped (SKIP LOCKED), so that two counselors never claim the same visitor and neither waits on the other.
 */
export function nextWaitingForUpdate(trx: Transaction<Database>) {
  return (
    trx
      .selectFrom('conversations')
      .select('id')
      .where('status', '=', 'waiting')
      // An absent visitor keeps her place but is not given to anyone: no empty chair (decision 0006).
      .where('absent_since', 'is', null)
      .orderBy('urgent', 'desc')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
  );
}

async function countActive(trx: Transaction<Database>, counselorId: string): Promise<number> {
  const row = await trx
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('counselor_id', '=', counselorId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
