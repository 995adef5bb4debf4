import type { Request } from 'express';

/**
 * Gives the browser a new session id, keeping its journeys and sent forms: after someone proves a
 * saved form is theirs, a session id planted before (session fixation) must not reach it.
 */
export function renewSession(req: Request): Promise<void> {
  const { journeys, submitted } = req.session;
  return new Promise((resolve, reject) =>
    req.session.regenerate((error: unknown) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      if (journeys) req.session.journeys = journeys;
      if (submitted) req.session.submitted = submitted;
      resolve();
    }),
  );
}
