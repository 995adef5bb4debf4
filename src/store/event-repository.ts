import { randomBytes } from 'node:crypto';
import type { Channel } from '../engine/answers';
import type { Db } from './database';
import type {
  DeviceClass,
  FeedbackComment,
  FeedbackQuery,
  JourneyEvent,
  JourneyEventQuery,
  JourneyEventType,
  NewJourneyEvent,
  SatisfactionResponse,
} from './journey-events';

/** Journey events, satisfaction and feedback for the KPIs: never an answer value. */
export interface EventRepository {
  /** Writes a batch of events and journey-id renames in one transaction. */
  appendJourneyEvents(
    events: readonly NewJourneyEvent[],
    renames?: ReadonlyArray<readonly [from: string, to: string]>,
  ): Promise<void>;
  /** Every event, oldest first, of the form's journeys that had an event in the period. */
  listJourneyEvents(query: JourneyEventQuery): Promise<JourneyEvent[]>;
  /** The form versions that have events. */
  listEventVersions(formId: string): Promise<string[]>;
  addSatisfaction(response: SatisfactionResponse): Promise<void>;
  listSatisfaction(query: FeedbackQuery): Promise<SatisfactionResponse[]>;
  /** Stores a comment apart from its rating: nothing links the two. */
  addFeedbackComment(comment: FeedbackComment): Promise<void>;
  listFeedbackComments(query: Omit<FeedbackQuery, 'version'>): Promise<FeedbackComment[]>;
}

const EVENTS_A_STATEMENT = 500;

/**
 * A random row id. Ratings and comments are listed in the order of these ids within a day, never in
 * the order they were written, so a rating and a comment cannot be paired up by position.
 */
function randomId(): string {
  return randomBytes(12).toString('hex');
}

/** The event repository on either database. */
export function eventRepository(db: Db): EventRepository {
  return {
    async appendJourneyEvents(events, renames = []) {
      if (events.length === 0 && renames.length === 0) return;
      await db.write(async ({ q }) => {
        // In slices, within both databases' limits on the parameters of one statement.
        for (let i = 0; i < events.length; i += EVENTS_A_STATEMENT) {
          await q
            .insertInto('journey_events')
            .values(
              events.slice(i, i + EVENTS_A_STATEMENT).map((e) => ({
                at: e.at,
                form_id: e.formId,
                form_version: e.formVersion,
                journey_id: e.journeyId,
                type: e.type,
                page_key: e.pageKey ?? null,
                question_id: e.questionId ?? null,
                error_code: e.errorCode ?? null,
                channel: e.channel,
                language: e.language,
                js: e.js === null ? null : e.js ? 1 : 0,
                device: e.device,
              })),
            )
            .execute();
        }
        for (const [from, to] of renames) {
          await q
            .updateTable('journey_events')
            .set({ journey_id: to })
            .where('journey_id', '=', from)
            .execute();
        }
      });
    },
    async listJourneyEvents(query) {
      const rows = await db.q
        .selectFrom('journey_events')
        .selectAll()
        .where('form_id', '=', query.formId)
        .$if(query.version !== undefined, (qb) =>
          qb.where('form_version', '=', query.version as string),
        )
        .where('journey_id', 'in', (qb) =>
          qb
            .selectFrom('journey_events')
            .select('journey_id')
            .where('form_id', '=', query.formId)
            .where('at', '>=', query.from)
            .where('at', '<', query.to),
        )
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((row): JourneyEvent => ({
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
      }));
    },
    async listEventVersions(formId) {
      const rows = await db.q
        .selectFrom('journey_events')
        .select('form_version')
        .distinct()
        .where('form_id', '=', formId)
        .orderBy('form_version')
        .execute();
      return rows.map((row) => row.form_version);
    },
    async addSatisfaction(response) {
      await db.q
        .insertInto('satisfaction')
        .values({
          id: randomId(),
          day: response.day,
          form_id: response.formId,
          form_version: response.formVersion,
          channel: response.channel,
          language: response.language,
          rating: response.rating,
        })
        .execute();
    },
    async listSatisfaction(query) {
      const rows = await db.q
        .selectFrom('satisfaction')
        .select(['day', 'form_id', 'form_version', 'channel', 'language', 'rating'])
        .where('form_id', '=', query.formId)
        .$if(query.version !== undefined, (qb) =>
          qb.where('form_version', '=', query.version as string),
        )
        .where('day', '>=', query.fromDay)
        .where('day', '<', query.toDay)
        .orderBy('day')
        .orderBy('id')
        .execute();
      return rows.map((row): SatisfactionResponse => ({
        day: row.day,
        formId: row.form_id,
        formVersion: row.form_version,
        channel: row.channel as Channel,
        language: row.language,
        rating: row.rating as SatisfactionResponse['rating'],
      }));
    },
    async addFeedbackComment(comment) {
      await db.q
        .insertInto('feedback_comments')
        .values({
          id: randomId(),
          day: comment.day,
          form_id: comment.formId,
          language: comment.language,
          comment: comment.comment,
        })
        .execute();
    },
    async listFeedbackComments(query) {
      const rows = await db.q
        .selectFrom('feedback_comments')
        .select(['day', 'form_id', 'language', 'comment'])
        .where('form_id', '=', query.formId)
        .where('day', '>=', query.fromDay)
        .where('day', '<', query.toDay)
        .orderBy('day')
        .orderBy('id')
        .execute();
      return rows.map((row): FeedbackComment => ({
        day: row.day,
        formId: row.form_id,
        language: row.language,
        comment: row.comment,
      }));
    },
  };
}
