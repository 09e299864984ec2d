import { authRouter } from './modules/auth/auth.router';
import { clientsRouter } from './modules/clients/client.router';
import { feedbackRouter } from './modules/feedback/feedback.router';
import { sessionsRouter } from './modules/sessions/session.router';
import { systemRouter } from './modules/system/system.router';
import { router } from './trpc/init';

export const appRouter = router({
  auth: authRouter,
  clients: clientsRouter,
  sessions: sessionsRouter,
  feedback: feedbackRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
