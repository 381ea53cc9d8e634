// Admin routes: staff accounts and the association's settings.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createStaffSchema, parsePayload, updateStaffSchema } from '../../protocol/schemas.ts';
import type { SettingsService } from '../services/settings.ts';
import { type StaffAccounts, toStaffMemberView } from '../services/staff-accounts.ts';
import type { StaffSession } from './staff-session.ts';

interface Deps {
  accounts: StaffAccounts;
  settings: SettingsService;
  session: StaffSession;
  /** Ends every live socket of a staff member whose account was disabled. */
  endStaffSockets: (staffId: string) => void;
  /** Opening hours or limits changed: waiting visitors get new figures. */
  onSettingsChanged: () => void;
}

const adminOnly = ['admin'] as const;
const staffParams = z.object({ id: z.uuid() });

export function registerAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { accounts, settings, session } = deps;

  app.get('/api/admin/staff', async (request) => {
    await session.require(request, adminOnly);
    return { ok: true, staff: await accounts.list() };
  });

  app.post('/api/admin/staff', async (request, reply) => {
    await session.require(request, adminOnly);
    const input = parsePayload(createStaffSchema, request.body);
    const staff = toStaffMemberView(await accounts.create(input));
    reply.code(201);
    return { ok: true, staff };
  });

  app.patch('/api/admin/staff/:id', async (request) => {
    await session.require(request, adminOnly);
    const { id } = parsePayload(staffParams, request.params);
    const changes = parsePayload(updateStaffSchema, request.body);
    const staff = await accounts.update(id, changes);
    if (staff.disabled) deps.endStaffSockets(staff.id);
    return { ok: true, staff };
  });

  app.get('/api/admin/settings', async (request) => {
    await session.require(request, adminOnly);
    return { ok: true, settings: await settings.current() };
  });

  app.put('/api/admin/settings', async (request) => {
    await session.require(request, adminOnly);
    const updated = await settings.update(request.body);
    deps.onSettingsChanged();
    return { ok: true, settings: updated };
  });
}
