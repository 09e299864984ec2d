import { analysisRouter } from './modules/analysis/analysis.router';
import { chatRouter } from './modules/analysis/chat.router';
import { callsRouter, scorecardsRouter } from './modules/calls/calls.router';
import { authRouter } from './modules/auth/auth.router';
import { clientsRouter } from './modules/clients/client.router';
import { feedbackRouter } from './modules/feedback/feedback.router';
import { knowledgeRouter } from './modules/knowledge/knowledge.router';
import { liveRouter } from './modules/live/live.router';
import { sessionsRouter } from './modules/sessions/session.router';
import { systemRouter } from './modules/system/system.router';
import { usersRouter } from './modules/users/user.router';
import { router } from './trpc/init';

export const appRouter = router({
  auth: authRouter,
  clients: clientsRouter,
  sessions: sessionsRouter,
  feedback: feedbackRouter,
  analysis: analysisRouter,
  chat: chatRouter,
  knowledge: knowledgeRouter,
  calls: callsRouter,
  scorecards: scorecardsRouter,
  live: liveRouter,
  users: usersRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
