import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Channel } from '../engine/answers';
import type {
  DeviceClass,
  FeedbackComment,
  JourneyEvent,
  JourneyEventType,
  NewJourneyEvent,
  SatisfactionResponse,
} from './journey-events';
import type { Store } from './store';

/** The store methods for journey events, satisfaction ratings and feedback comments (the KPIs). */
export type EventMethods = Pick<
  Store,
  | 'appendJourneyEvents'
  | 'listJourneyEvents'
  | 'listEventVersions'
  | 'addSatisfaction'
  | 'listSatisfaction'
  | 'addFeedbackComment'
  | 'listFeedbackComments'
>;

interface EventRow {
  id: number;
  at: number;
  form_id: string;
  form_version: string;
  journey_id: string;
  type: string;
  page_key: string | null;
  question_id: string | null;
  error_code: string | null;
  channel: string;
  language: string;
  js: number | null;
  device: string;
}

interface SatisfactionRow {
  day: string;
  form_id: string;
  form_version: string;
  channel: string;
  language: string;
  rating: number;
}

function toEvent(row: EventRow): JourneyEvent {
  return {
    id: row.id,
    at: row.at,
    formId: row.form_id,
    formVersion: row.form_version,
    journeyId: row.journey_id,
    type: row.type as JourneyEventType,
    ...(row.page_key === null ? {} : { pageKey: row.page_key }),
    ...(row.question_id === null ? {} : { questionId: row.question_id }),
    ...(row.error_code === null ? {} : { errorCode: row.error_code }),
    channel: row.channel as Channel,
    language: row.language,
    js: row.js === null ? null : row.js === 1,
    device: row.device as DeviceClass,
  };
}

/** A random row id: rows kept in key order, not insertion order, cannot be paired up by position. */
function randomId(): string {
  return randomBytes(12).toString('hex');
}

/**
 * Journey events, satisfaction ratings and comments on an open SQLite database. Ratings and comments
 * are in two tables keyed by random ids (WITHOUT ROWID), with the day only: nothing pairs a comment
 * with its rating, or either with a submission.
 */
export function sqliteEvents(db: Database.Database): EventMethods {
  const sql = {
    insertEvent: db.prepare(
      `INSERT INTO journey_events
         (at, form_id, form_version, journey_id, type, page_key, question_id, error_code, channel, language, js, device)
       VALUES (@at, @formId, @formVersion, @journeyId, @type, @pageKey, @questionId, @errorCode, @channel, @language, @js, @device)`,
    ),
    renameJourney: db.prepare('UPDATE journey_events SET journey_id = ? WHERE journey_id = ?'),
    listEvents: db.prepare<
      { formId: string; version: string | null; from: number; to: number },
      EventRow
    >(
      `SELECT * FROM journey_events
       WHERE form_id = @formId AND (@version IS NULL OR form_version = @version)
         AND journey_id IN (
           SELECT journey_id FROM journey_events
           WHERE form_id = @formId AND at >= @from AND at < @to)
       ORDER BY at, id`,
    ),
    versions: db.prepare<[string], { form_version: string }>(
      'SELECT DISTINCT form_version FROM journey_events WHERE form_id = ? ORDER BY form_version',
    ),
    insertRating: db.prepare(
      `INSERT INTO satisfaction (id, day, form_id, form_version, channel, language, rating)
       VALUES (@id, @day, @formId, @formVersion, @channel, @language, @rating)`,
    ),
    listRatings: db.prepare<
      { formId: string; version: string | null; fromDay: string; toDay: string },
      SatisfactionRow
    >(
      `SELECT day, form_id, form_version, channel, language, rating FROM satisfaction
       WHERE form_id = @formId AND (@version IS NULL OR form_version = @version)
         AND day >= @fromDay AND day < @toDay
       ORDER BY day`,
    ),
    insertComment: db.prepare(
      `INSERT INTO feedback_comments (id, day, form_id, language, comment)
       VALUES (@id, @day, @formId, @language, @comment)`,
    ),
    listComments: db.prepare<
      { formId: string; fromDay: string; toDay: string },
      { day: string; form_id: string; language: string; comment: string }
    >(
      `SELECT day, form_id, language, comment FROM feedback_comments
       WHERE form_id = @formId AND day >= @fromDay AND day < @toDay ORDER BY day`,
    ),
  };

  const append = db.transaction(
    (events: readonly NewJourneyEvent[], renames: ReadonlyArray<readonly [string, string]>) => {
      for (const e of events) {
        sql.insertEvent.run({
          ...e,
          pageKey: e.pageKey ?? null,
          questionId: e.questionId ?? null,
          errorCode: e.errorCode ?? null,
          js: e.js === null ? null : e.js ? 1 : 0,
        });
      }
      for (const [from, to] of renames) sql.renameJourney.run(to, from);
    },
  );

  return {
    async appendJourneyEvents(events, renames = []) {
      if (events.length > 0 || renames.length > 0) append.immediate(events, renames);
    },
    async listJourneyEvents(query) {
      return sql.listEvents.all({ ...query, version: query.version ?? null }).map(toEvent);
    },
    async listEventVersions(formId) {
      return sql.versions.all(formId).map((row) => row.form_version);
    },
    async addSatisfaction(response) {
      sql.insertRating.run({ ...response, id: randomId() });
    },
    async listSatisfaction(query) {
      return sql.listRatings
        .all({ ...query, version: query.version ?? null })
        .map((row): SatisfactionResponse => ({
          day: row.day,
          formId: row.form_id,
          formVersion: row.form_version,
          channel: row.channel as Channel,
          language: row.language,
          rating: row.rating as SatisfactionResponse['rating'],
        }));
    },
    async addFeedbackComment(comment) {
      sql.insertComment.run({ ...comment, id: randomId() });
    },
    async listFeedbackComments(query) {
      return sql.listComments.all(query).map((row): FeedbackComment => ({
        day: row.day,
        formId: row.form_id,
        language: row.language,
        comment: row.comment,
      }));
    },
  };
}
