import type { SessionData } from './session/session-data';
import type { SessionIndex } from '../store/session-repository';

/**
 * What the store must be able to find in a session without reading its JSON: the member of staff
 * signed in with it (so `users disable` can end their sign-ins) and the drafts it holds (so the
 * clean-up keeps them).
 */
export function sessionIndex(data: SessionData): SessionIndex {
  const userId = data.caseworker?.principal.id;
  return {
    ...(userId !== undefined && { userId }),
    draftIds: [
      ...Object.values(data.journeys ?? {}),
      ...Object.values(data.caseworkerJourneys ?? {}),
    ],
  };
}
