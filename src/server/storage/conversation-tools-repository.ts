// The SQL of the counselor's conversation tools: closing forms (kept for statistics) and staff-only texts
// (sealed, purged with the conversation by purgeClosedBefore).
import { type Kysely, sql } from 'kysely';
import type { ClosingFormAnswers } from '../../protocol/conversation-tools-schema.ts';
import type { ConversationRow, Database, StaffTextKind } from './schema.ts';

export interface NewStaffText {
  id: string;
  conversationId: string;
  staffId: string;
  kind: StaffTextKind;
  ciphertext: Buffer;
  createdAt: Date;
}

export function createConversationToolsRepository(db: Kysely<Database>) {
  return {
    /**
     * Stores her form and its sealed comment, and clears what she owed, as one step. The conversation row
     * is locked first, so two submissions cannot both pass `mayFile`.
     */
    fileClosingForm(
      conversationId: string,
      form: Omit<ClosingFormAnswers, 'comment'> & { counselorId: string; submittedAt: Date },
      comment: NewStaffText | null,
      mayFile: (conversation: ConversationRow) => void,
    ) {
      return db.transaction().execute(async (trx) => {
        const conversation = await trx
          .selectFrom('conversations')
          .selectAll()
          .where('id', '=', conversationId)
          .forUpdate()
          .executeTakeFirst();
        if (!conversation) return null;
        mayFile(conversation);
        await trx
          .insertInto('closing_forms')
          .values({
            conversation_id: conversationId,
            counselor_id: form.counselorId,
            violence_types: JSON.stringify(form.violenceTypes),
            author: form.author,
            age_bracket: form.ageBracket,
            actions: JSON.stringify(form.actions),
            services: JSON.stringify(form.services),
            contact_type: form.contactType,
            returning_contact: form.returning,
            children_exposed: form.childrenExposed,
            danger_level: form.dangerLevel,
            emergency_called: form.emergencyCalled,
            heard_from: form.heardFrom,
            area: form.area,
            submitted_at: form.submittedAt,
          })
          .execute();
        if (comment) await trx.insertInto('staff_texts').values(staffTextValues(comment)).execute();
        return trx
          .updateTable('conversations')
          .set({ closing_form_due: false })
          .where('id', '=', conversationId)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
    },

    /**
     * Hands an active conversation to another counselor below her limit. Her staff row is locked first, as
     * when she takes the next visitor, so a transfer and her own take cannot both pass the limit.
     */
    transfer(conversationId: string, fromId: string, toId: string, limit: number) {
      return db.transaction().execute(async (trx) => {
        await trx.selectFrom('staff').select('id').where('id', '=', toId).forUpdate().execute();
        const conversation = await trx
          .selectFrom('conversations')
          .selectAll()
          .where('id', '=', conversationId)
          .forUpdate()
          .executeTakeFirst();
        if (!conversation || conversation.counselor_id !== fromId) return { outcome: 'not_assigned' as const };
        if (conversation.status !== 'active') return { outcome: 'not_active' as const };
        const { count } = await trx
          .selectFrom('conversations')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('counselor_id', '=', toId)
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow();
        if (Number(count) >= limit) return { outcome: 'at_capacity' as const };
        const moved = await trx
          .updateTable('conversations')
          .set({ counselor_id: toId, counselor_absent_since: null })
          .where('id', '=', conversationId)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { outcome: 'transferred' as const, conversation: moved };
      });
    },

    /** Moves a side's read mark forward (never back, never past the last message); the row if it moved. */
    markRead(conversationId: string, side: 'visitor' | 'counselor', seq: number) {
      const column = side === 'visitor' ? 'visitor_read_seq' : 'counselor_read_seq';
      return db
        .updateTable('conversations')
        .set({ [column]: sql<number>`least(${seq}, last_seq)` })
        .where('id', '=', conversationId)
        .where(column, '<', sql<number>`least(${seq}, last_seq)`)
        .returningAll()
        .executeTakeFirst();
    },

    closingForm: (conversationId: string) =>
      db.selectFrom('closing_forms').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst(),

    insertStaffText: (text: NewStaffText) => db.insertInto('staff_texts').values(staffTextValues(text)).execute(),

    staffTexts: (conversationId: string, kind: StaffTextKind) =>
      db
        .selectFrom('staff_texts')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('kind', '=', kind)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /** Staff texts of one kind, oldest first, with their author's display name (null once deleted). */
    staffTextsWithAuthor: (conversationId: string, kind: StaffTextKind) =>
      db
        .selectFrom('staff_texts')
        .leftJoin('staff', 'staff.id', 'staff_texts.staff_id')
        .select([
          'staff_texts.id',
          'staff_texts.staff_id',
          'staff_texts.ciphertext',
          'staff_texts.created_at',
          'staff.display_name as author_name',
        ])
        .where('staff_texts.conversation_id', '=', conversationId)
        .where('staff_texts.kind', '=', kind)
        .orderBy('staff_texts.created_at')
        .orderBy('staff_texts.id')
        .execute(),
  };
}

function staffTextValues(text: NewStaffText) {
  return {
    id: text.id,
    conversation_id: text.conversationId,
    staff_id: text.staffId,
    kind: text.kind,
    ciphertext: text.ciphertext,
    created_at: text.createdAt,
  };
}

export type ConversationToolsRepository = ReturnType<typeof createConversationToolsRepository>;
