// Admin routes: staff accounts and the association's settings.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditEntryView } from '../../protocol/audit.ts';
import { createStaffSchema, parsePayload, updateStaffSchema } from '../../protocol/schemas.ts';
import type { AuditLog } from '../services/audit-log.ts';
import type { SettingsService } from '../services/settings.ts';
import { type StaffAccounts, toStaffMemberView } from '../services/staff-accounts.ts';
import type { StaffSession } from './staff-session.ts';

interface Deps {
  accounts: StaffAccounts;
  settings: SettingsService;
  session: StaffSession;
  audit: AuditLog;
  /** Ends every live socket of a staff member whose account was disabled. */
  endStaffSockets: (staffId: string) => void;
  /** Opening hours or limits changed: waiting visitors get new figures. */
  onSettingsChanged: () => void;
}

const adminOnly = ['admin'] as const;
const staffParams = z.object({ id: z.uuid() });
const auditQuery = z.object({
  before: z
    .string()
    .regex(/^[0-9]{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Names of the top-level settings whose value differs. */
function changedKeys(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return Object.keys(b).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

function auditCsv(entries: AuditEntryView[]): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    // A leading = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const header = 'at,actor_id,actor_name,action,target_type,target_id,details';
  const lines = entries.map((entry) =>
    [
      entry.at,
      entry.actorId,
      entry.actorName,
      entry.action,
      entry.targetType,
      entry.targetId,
      JSON.stringify(entry.details),
    ]
      .map(cell)
      .join(','),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

export function registerAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { accounts, settings, session, audit } = deps;

  app.get('/api/admin/staff', async (request) => {
    await session.require(request, adminOnly);
    return { ok: true, staff: await accounts.list() };
  });

  app.post('/api/admin/staff', async (request, reply) => {
    const admin = await session.require(request, adminOnly);
    const input = parsePayload(createStaffSchema, request.body);
    const staff = toStaffMemberView(await accounts.register(input));
    await audit.record(admin, 'staff.created', { type: 'staff', id: staff.id }, { role: staff.role });
    reply.code(201);
    return { ok: true, staff };
  });

  app.patch('/api/admin/staff/:id', async (request) => {
    const admin = await session.require(request, adminOnly);
    const { id } = parsePayload(staffParams, request.params);
    const changes = parsePayload(updateStaffSchema, request.body);
    const staff = await accounts.update(id, changes);
    await audit.record(admin, 'staff.updated', { type: 'staff', id }, changes);
    // A live socket keeps the role it connected with: a disabled account or a new role ends it, so that a
    // demoted supervisor stops reading conversations at once (her console reconnects with the new role).
    if (staff.disabled || changes.role !== undefined) deps.endStaffSockets(staff.id);
    return { ok: true, staff };
  });

  app.get('/api/admin/audit', async (request) => {
    await session.require(request, adminOnly);
    const { before, limit } = parsePayload(auditQuery, request.query);
    return { ok: true, entries: await audit.list({ beforeId: before, limit }) };
  });

  // The whole log as CSV, for the association's records. Entries hold no message content.
  app.get('/api/admin/audit.csv', async (request, reply) => {
    await session.require(request, adminOnly);
    const entries = await audit.list({ limit: 100_000 });
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="havre-audit.csv"');
    return auditCsv(entries);
  });

  app.get('/api/admin/settings', async (request) => {
    await session.require(request, adminOnly);
    return { ok: true, settings: await settings.current() };
  });

  app.put('/api/admin/settings', async (request) => {
    const admin = await session.require(request, adminOnly);
    const before = await settings.current();
    const updated = await settings.update(request.body);
    const changed = changedKeys(before, updated);
    if (changed.length > 0)
      await audit.record(admin, 'settings.changed', { type: 'settings', id: null }, { changed: changed.join(',') });
    deps.onSettingsChanged();
    return { ok: true, settings: updated };
  });
}
