import type { Draft } from '../engine/answers';
import type { Db } from './database';
import { toDraft } from './journey-repository';
import { precompiled } from './precompiled';

/** What SQL needs to know of a session without reading its JSON. */
export interface SessionIndex {
  /** The staff account signed in with it, so `endSignInsOf` can find it. */
  userId?: string;
  /** The drafts it holds, which the clean-up must keep. */
  draftIds: readonly string[];
}

/** A session's data and, read in the same query, the drafts it holds (undefined: since deleted). */
export interface SessionWithDrafts {
  data: string;
  /** When the stored session expires (ms since the epoch). */
  expiresAt: number;
  /** A map of the request's own: the web layer takes drafts out of it as it uses them. */
  drafts: Map<string, Draft | undefined>;
}

/** Sessions (src/web/session/sessions.ts), with the columns SQL needs. Times are ms since the epoch. */
export interface SessionRepository {
  getSession(id: string, now: number): Promise<string | undefined>;
  /**
   * The session and its drafts in one query (one round trip on PostgreSQL): a question page needs
   * both, and the session alone says which draft.
   */
  getSessionWithDrafts(id: string, now: number): Promise<SessionWithDrafts | undefined>;
  setSession(id: string, data: string, expiresAt: number, index?: SessionIndex): Promise<void>;
  touchSession(id: string, expiresAt: number): Promise<void>;
  destroySession(id: string): Promise<void>;
  /** Deletes expired sessions; returns how many went. */
  purgeExpiredSessions(now: number): Promise<number>;
  /** Ends every sign-in of an account by deleting its sessions; returns how many there were. */
  endSignInsOf(userId: string): Promise<number>;
}

const sessionById = precompiled((q, id: string, now: number) =>
  q.selectFrom('sessions').select('data').where('id', '=', id).where('expires_at', '>', now),
);

const sessionAndDrafts = precompiled((q, id: string, now: number) =>
  q
    .selectFrom('sessions')
    .leftJoin('session_drafts', 'session_drafts.session_id', 'sessions.id')
    .leftJoin('drafts', 'drafts.id', 'session_drafts.draft_id')
    .select('sessions.data as session_data')
    .select('sessions.expires_at as session_expires_at')
    .select('session_drafts.draft_id as listed_draft_id')
    .selectAll('drafts')
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now),
);

const touch = precompiled((q, id: string, expiresAt: number) =>
  q.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id),
);

/** The session repository on either database. */
export function sessionRepository(db: Db): SessionRepository {
  return {
    async getSession(id, now) {
      const { rows } = await sessionById(db, id, now);
      return rows[0]?.data;
    },
    async getSessionWithDrafts(id, now) {
      const { rows } = await sessionAndDrafts(db, id, now);
      const first = rows[0];
      if (!first) return undefined;
      const drafts = new Map<string, Draft | undefined>();
      for (const row of rows) {
        if (row.listed_draft_id === null) continue;
        drafts.set(
          row.listed_draft_id,
          row.id === null ? undefined : toDraft(row as Parameters<typeof toDraft>[0]),
        );
      }
      return { data: first.session_data, expiresAt: Number(first.session_expires_at), drafts };
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
        // Only what changed: most saves keep the drafts the session already held.
        const drafts = [...new Set(index.draftIds)];
        let gone = q.deleteFrom('session_drafts').where('session_id', '=', id);
        if (drafts.length > 0) gone = gone.where('draft_id', 'not in', drafts);
        await gone.execute();
        if (drafts.length > 0) {
          await q
            .insertInto('session_drafts')
            .values(drafts.map((draftId) => ({ session_id: id, draft_id: draftId })))
            .onConflict((oc) => oc.columns(['session_id', 'draft_id']).doNothing())
            .execute();
        }
      });
    },
    async touchSession(id, expiresAt) {
      await touch(db, id, expiresAt);
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
