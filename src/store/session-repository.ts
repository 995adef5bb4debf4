import type { Db } from './database';

/** What SQL needs to know of a session without reading its JSON. */
export interface SessionIndex {
  /** The staff account signed in with it, so `endSignInsOf` can find it. */
  userId?: string;
  /** The drafts it holds, which the clean-up must keep. */
  draftIds: readonly string[];
}

/** express-session's sessions, with the columns SQL needs. Times are ms since the epoch. */
export interface SessionRepository {
  getSession(id: string, now: number): Promise<string | undefined>;
  setSession(id: string, data: string, expiresAt: number, index?: SessionIndex): Promise<void>;
  touchSession(id: string, expiresAt: number): Promise<void>;
  destroySession(id: string): Promise<void>;
  /** Deletes expired sessions; returns how many went. */
  purgeExpiredSessions(now: number): Promise<number>;
  /** Ends every sign-in of an account by deleting its sessions; returns how many there were. */
  endSignInsOf(userId: string): Promise<number>;
}

/** The session repository on either database. */
export function sessionRepository(db: Db): SessionRepository {
  return {
    async getSession(id, now) {
      const row = await db.q
        .selectFrom('sessions')
        .select('data')
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row?.data;
    },
    setSession(id, data, expiresAt, index = { draftIds: [] }) {
      return db.write(async ({ q }) => {
        await q
          .insertInto('sessions')
          .values({ id, data, expires_at: expiresAt, user_id: index.userId ?? null })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              data,
              expires_at: expiresAt,
              user_id: index.userId ?? null,
            }),
          )
          .execute();
        await q.deleteFrom('session_drafts').where('session_id', '=', id).execute();
        const drafts = [...new Set(index.draftIds)];
        if (drafts.length > 0) {
          await q
            .insertInto('session_drafts')
            .values(drafts.map((draftId) => ({ session_id: id, draft_id: draftId })))
            .execute();
        }
      });
    },
    async touchSession(id, expiresAt) {
      await db.q
        .updateTable('sessions')
        .set({ expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    destroySession(id) {
      return db.write(async ({ q }) => {
        await q.deleteFrom('session_drafts').where('session_id', '=', id).execute();
        await q.deleteFrom('sessions').where('id', '=', id).execute();
      });
    },
    purgeExpiredSessions(now) {
      return db.write(async ({ q }) => {
        const gone = await q
          .deleteFrom('sessions')
          .where('expires_at', '<=', now)
          .executeTakeFirst();
        await q
          .deleteFrom('session_drafts')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('sessions')
                  .select('sessions.id')
                  .whereRef('sessions.id', '=', 'session_drafts.session_id'),
              ),
            ),
          )
          .execute();
        return Number(gone.numDeletedRows);
      });
    },
    endSignInsOf(userId) {
      return db.write(async ({ q }) => {
        const ended = await q
          .deleteFrom('sessions')
          .where('user_id', '=', userId)
          .returning('id')
          .execute();
        if (ended.length > 0) {
          await q
            .deleteFrom('session_drafts')
            .where(
              'session_id',
              'in',
              ended.map((row) => row.id),
            )
            .execute();
        }
        return ended.length;
      });
    },
  };
}
