// Canned answers over HTTP, for every signed-in staff member: read the team's and her own, write what her role
// allows (the service checks it).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cannedAnswerInputSchema } from '../../protocol/canned-answers.ts';
import { parsePayload } from '../../protocol/schemas.ts';
import type { CannedAnswers } from '../services/canned-answers.ts';
import type { StaffSession } from './staff-session.ts';

interface Deps {
  cannedAnswers: CannedAnswers;
  session: StaffSession;
}

const answerParams = z.object({ id: z.uuid() });

export function registerCannedAnswerRoutes(app: FastifyInstance, { cannedAnswers, session }: Deps) {
  app.get('/api/canned-answers', async (request) => {
    const staff = await session.require(request);
    return { ok: true, answers: await cannedAnswers.list(staff) };
  });

  app.post('/api/canned-answers', async (request, reply) => {
    const staff = await session.require(request);
    const input = parsePayload(cannedAnswerInputSchema, request.body);
    const answer = await cannedAnswers.create(staff, input);
    reply.code(201);
    return { ok: true, answer };
  });

  app.put('/api/canned-answers/:id', async (request) => {
    const staff = await session.require(request);
    const { id } = parsePayload(answerParams, request.params);
    const input = parsePayload(cannedAnswerInputSchema, request.body);
    return { ok: true, answer: await cannedAnswers.update(staff, id, input) };
  });

  app.delete('/api/canned-answers/:id', async (request) => {
    const staff = await session.require(request);
    const { id } = parsePayload(answerParams, request.params);
    await cannedAnswers.remove(staff, id);
    return { ok: true };
  });
}
