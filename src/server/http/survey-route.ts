// "Cet échange vous a-t-il aidée ?": the visitor's one optional question once a conversation someone answered
// has ended (issue 13). She proves it is hers with the resume token her tab still holds in memory; the answer
// is counted in its hour and nothing else is kept: not with the conversation, not with her. A conversation is
// asked once (a single-use mark, in the short-lived store for two days).
import type { FastifyInstance } from 'fastify';
import { HavreError } from '../../protocol/errors.ts';
import { parsePayload, visitorSurveySchema } from '../../protocol/schemas.ts';
import type { StatisticsRecorder } from '../services/statistics-recorder.ts';
import { hashToken } from '../services/tokens.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';

interface Deps {
  conversations: Pick<ConversationRepository, 'byTokenHash'>;
  shortLived: Pick<ShortLivedStore, 'claim'>;
  statistics: Pick<StatisticsRecorder, 'surveyAnswer'>;
}

const ANSWERED_MARK_MS = 2 * 24 * 60 * 60 * 1000;

export function registerSurveyRoute(app: FastifyInstance, { conversations, shortLived, statistics }: Deps) {
  app.post('/api/survey', async (request) => {
    const { token, answer } = parsePayload(visitorSurveySchema, request.body);
    const conversation = await conversations.byTokenHash(hashToken(token));
    // Asked only of a conversation that has ended after someone answered it (a blocked troll is not asked).
    const answered = conversation?.assigned_at != null || conversation?.handed_back_at != null;
    const asked = conversation?.status === 'closed' && answered && conversation.closed_reason !== 'blocked';
    if (!conversation || !asked || !(await shortLived.claim(`survey:${conversation.id}`, ANSWERED_MARK_MS))) {
      throw new HavreError('SURVEY_NOT_ASKED', 'no question is asked here');
    }
    statistics.surveyAnswer(answer);
    return { ok: true };
  });
}
