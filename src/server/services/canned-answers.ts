// Canned answers and resource cards as use cases: each starts with the access check (team answers are kept
// by supervisors and admins, a personal answer by its owner only, and another's personal answer does not
// even exist for her). Changes to team answers are audited: they speak for the association.
import { randomUUID } from 'node:crypto';
import { mayEditCannedAnswer } from '../../core/canned-answers.ts';
import type { CannedAnswerInput, CannedAnswerView } from '../../protocol/canned-answers.ts';
import { HavreError } from '../../protocol/errors.ts';
import type { Clock } from '../clock.ts';
import {
  type CannedAnswerFields,
  type CannedAnswerRepository,
  isUniqueViolation,
} from '../storage/canned-answer-repository.ts';
import type { CannedAnswerRow, StaffRow } from '../storage/schema.ts';
import type { AuditLog } from './audit-log.ts';

interface Deps {
  repository: CannedAnswerRepository;
  audit: AuditLog;
  clock: Clock;
}

type Actor = Pick<StaffRow, 'id' | 'role' | 'display_name'>;

export function toCannedAnswerView(row: CannedAnswerRow, actor: Actor): CannedAnswerView {
  return {
    id: row.id,
    scope: row.owner_id === null ? 'team' : 'personal',
    kind: row.kind,
    shortcut: row.shortcut,
    title: row.title,
    text: row.body,
    card: row.card,
    editable: mayEditCannedAnswer(actor, row.owner_id),
    updatedAt: row.updated_at.toISOString(),
  };
}

function fieldsOf(input: CannedAnswerInput): CannedAnswerFields {
  return input.kind === 'text'
    ? { kind: 'text', shortcut: input.shortcut, title: input.title, body: input.text, card: null }
    : { kind: 'card', shortcut: input.shortcut, title: input.title, body: null, card: input.card };
}

const shortcutTaken = () => new HavreError('SHORTCUT_TAKEN', 'this shortcut is already used');

export function createCannedAnswers({ repository, audit, clock }: Deps) {
  /** The answer if she may change it; another's personal answer reads as not found. */
  async function editable(actor: Actor, id: string): Promise<CannedAnswerRow> {
    const row = await repository.byId(id);
    if (!row || (row.owner_id !== null && row.owner_id !== actor.id)) {
      throw new HavreError('NOT_FOUND', 'no such canned answer');
    }
    if (!mayEditCannedAnswer(actor, row.owner_id)) {
      throw new HavreError('FORBIDDEN', 'team answers are kept by supervisors and admins');
    }
    return row;
  }

  async function write<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      // Two people saving the same shortcut at once: the index decides, the loser gets a clear code.
      if (isUniqueViolation(error)) throw shortcutTaken();
      throw error;
    }
  }

  const auditTeam = async (actor: Actor, row: CannedAnswerRow, action: 'created' | 'updated' | 'deleted') => {
    if (row.owner_id !== null) return;
    await audit.record(actor, `canned_answer.${action}`, { type: 'canned_answer', id: row.id }, { kind: row.kind });
  };

  return {
    async list(actor: Actor): Promise<CannedAnswerView[]> {
      return (await repository.visibleTo(actor.id)).map((row) => toCannedAnswerView(row, actor));
    },

    async create(actor: Actor, input: CannedAnswerInput): Promise<CannedAnswerView> {
      const ownerId = input.scope === 'team' ? null : actor.id;
      if (!mayEditCannedAnswer(actor, ownerId)) {
        throw new HavreError('FORBIDDEN', 'team answers are kept by supervisors and admins');
      }
      if (await repository.shortcutTaken(ownerId, input.shortcut, null)) throw shortcutTaken();
      const row = await write(() =>
        repository.insert({ id: randomUUID(), ownerId, at: clock.now(), ...fieldsOf(input) }),
      );
      await auditTeam(actor, row, 'created');
      return toCannedAnswerView(row, actor);
    },

    async update(actor: Actor, id: string, input: CannedAnswerInput): Promise<CannedAnswerView> {
      const existing = await editable(actor, id);
      if ((existing.owner_id === null ? 'team' : 'personal') !== input.scope) {
        throw new HavreError('INVALID_PAYLOAD', 'scope: an answer cannot move between team and personal');
      }
      if (await repository.shortcutTaken(existing.owner_id, input.shortcut, id)) throw shortcutTaken();
      const row = await write(() => repository.update(id, fieldsOf(input), clock.now()));
      await auditTeam(actor, row, 'updated');
      return toCannedAnswerView(row, actor);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const existing = await editable(actor, id);
      await repository.remove(id);
      await auditTeam(actor, existing, 'deleted');
    },
  };
}

export type CannedAnswers = ReturnType<typeof createCannedAnswers>;
