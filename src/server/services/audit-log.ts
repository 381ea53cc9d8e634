// Records staff actions for the association's accountability: who logged in, who read a closed transcript,
// who transferred or blocked. It never holds message content or a visitor's address: `details` takes
// identifiers and categories only.
import type { AuditAction, AuditEntryView } from '../../protocol/audit.ts';
import type { Clock } from '../clock.ts';
import type { AuditRepository } from '../storage/audit-repository.ts';
import type { AuditLogRow } from '../storage/schema.ts';

export interface AuditActor {
  id: string;
  display_name: string;
}

export interface AuditTarget {
  type: 'staff' | 'conversation' | 'settings' | 'block' | 'canned_answer';
  id: string | null;
}

type Details = Record<string, string | number | boolean | null>;

export function createAuditLog({ repository, clock }: { repository: AuditRepository; clock: Clock }) {
  return {
    async record(actor: AuditActor | null, action: AuditAction, target?: AuditTarget, details: Details = {}) {
      await repository.insert({
        at: clock.now(),
        actorId: actor?.id ?? null,
        actorName: actor?.display_name ?? null,
        action,
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        details,
      });
    },

    async list(page: { beforeId?: string; limit: number }): Promise<AuditEntryView[]> {
      const rows = await repository.list(page);
      const conversationIds = rows.flatMap((row) =>
        row.target_type === 'conversation' && row.target_id ? [row.target_id] : [],
      );
      const labels = await repository.conversationLabels(conversationIds);
      return rows.map((row) => {
        const label = row.target_id ? labels.get(row.target_id) : undefined;
        return {
          ...toAuditEntryView(row),
          ...(label ? { conversation: { visitorNumber: label.number, createdAt: label.createdAt.toISOString() } } : {}),
        };
      });
    },
  };
}

export function toAuditEntryView(row: AuditLogRow): AuditEntryView {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action as AuditEntryView['action'],
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details as AuditEntryView['details'],
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
