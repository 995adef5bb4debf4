import type { Request } from 'express';
import type { Draft } from '../../engine/answers';
import type { Step } from '../../engine/journey';
import { deviceClass } from '../../kpi/device-class';
import { journeyIdKey, journeyIdOf, provisionalJourneyId } from '../../kpi/journey-id';
import type { KpiMetrics } from '../../kpi/metrics';
import { pageKeyOf } from '../../kpi/page-keys';
import type { Recorder } from '../../kpi/recorder';
import type { QuestionError } from '../../questions/question-type';
import type { JourneyEventType, NewJourneyEvent } from '../../store/journey-events';
import type {} from '../session/session-data';

declare module '../session/session-data' {
  interface SessionData {
    /** KPIs: the random id of a journey whose transaction is not stored yet, by form id. */
    kpiJourneys?: Record<string, string>;
    /** KPIs: whether the last form posted in this session said its JavaScript ran. */
    kpiJs?: boolean;
    /** KPIs: the journey whose exit page was counted, by form id (a refresh is not counted again). */
    kpiExits?: Record<string, string>;
  }
}

/** The hidden field the page's script adds to every posted form: it tells JavaScript ran. */
export const JS_FIELD = '_js';

/** What an event says beyond its type: the step, or the errors shown (codes only, never values). */
export interface JourneyEventDetail {
  step?: Step;
  pageKey?: string;
  errors?: readonly QuestionError[];
  /** For `submit`: an address answer was "I have no fixed address" (the fact only is recorded). */
  noFixedAddress?: boolean;
}

/** The transaction fields an event is made from. */
export type DraftFacts = Pick<Draft, 'id' | 'formId' | 'formVersion' | 'language' | 'channel'>;

/** The calls journey routes make to record KPI events. */
export interface JourneyEvents {
  /**
   * Records what happened in a journey during this request. The first event of a constituent
   * journey whose transaction is not stored yet records its `start` first; a staff journey (stored
   * from its start page) records its `start` explicitly there, on the transaction's own id.
   *
   * @example
   *   deps.kpi?.journeyEvent(req, draft, 'page', { step });
   *   deps.kpi?.journeyEvent(req, draft, 'error', { step, errors: result.errors });
   */
  journeyEvent(
    req: Request,
    draft: Draft,
    type: JourneyEventType,
    detail?: JourneyEventDetail,
  ): void;
  /** Records an event outside a request (a saved journey that expired, found by a clean-up job). */
  draftEvent(draft: DraftFacts, type: 'expired', at?: number): void;
}

/** What the journey-event hooks are built from. */
export interface JourneyEventsOptions {
  recorder: Recorder;
  metrics: KpiMetrics;
  /** The secret journey ids are keyed with (the session secret): never stored in the database. */
  secret: string;
}

// Events that only a stored transaction can have.
const STORED_ONLY: ReadonlySet<JourneyEventType> = new Set([
  'save',
  'resume',
  'exit',
  'submit',
  'expired',
]);

/** Creates the journey-event hooks over a recorder and the Prometheus counters. */
export function createJourneyEvents(options: JourneyEventsOptions): JourneyEvents {
  const key = journeyIdKey(options.secret);
  // Every page of a journey names it: its id (a pure function of the transaction id) is made once.
  const ids = new Map<string, string>();
  const idOf = (transactionId: string): string => {
    let id = ids.get(transactionId);
    if (id === undefined) {
      if (ids.size >= 10_000) ids.clear();
      id = journeyIdOf(key, transactionId);
      ids.set(transactionId, id);
    }
    return id;
  };
  const emit = (event: NewJourneyEvent) => {
    options.recorder.record(event);
    options.metrics.count(event);
  };
  const base = (draft: DraftFacts, journeyId: string, at: number) => ({
    at,
    formId: draft.formId,
    formVersion: draft.formVersion,
    journeyId,
    channel: draft.channel,
    language: draft.language,
  });

  /** The journey's anonymous id, and whether this request starts it. */
  const journeyOf = (req: Request, draft: Draft, type: JourneyEventType) => {
    const session = req.session;
    const provisional = session.kpiJourneys?.[draft.formId];
    // A staff journey is stored from its own start page, which records its `start`: it never
    // takes (nor gives) a provisional id, which is by form and would mix a call with a paper form.
    const staff = draft.caseworkerId !== undefined;
    const stored =
      staff ||
      session.journeys?.[draft.formId] === draft.id ||
      draft.done.length > 0 ||
      STORED_ONLY.has(type);
    if (stored) {
      const journeyId = idOf(draft.id);
      if (provisional && !staff) {
        // Its transaction is stored now: the events before it take the id a resume will find too.
        options.recorder.rename(provisional, journeyId);
        const rest = { ...session.kpiJourneys };
        delete rest[draft.formId];
        session.kpiJourneys = rest;
      }
      return { journeyId, starts: false };
    }
    // An explicit `start` begins a new journey, never continuing a provisional one.
    if (provisional && type !== 'start') return { journeyId: provisional, starts: false };
    const journeyId = provisionalJourneyId();
    session.kpiJourneys = { ...session.kpiJourneys, [draft.formId]: journeyId };
    return { journeyId, starts: true };
  };

  const javascriptRan = (req: Request): boolean | null => {
    if (req.method !== 'POST') return req.session.kpiJs ?? null;
    const ran = (req.body as Record<string, unknown> | undefined)?.[JS_FIELD] === '1';
    if (req.session.kpiJs !== ran) req.session.kpiJs = ran;
    return ran;
  };

  return {
    journeyEvent(req, draft, type, detail = {}) {
      const { journeyId, starts } = journeyOf(req, draft, type);
      if (type === 'exit') {
        if (req.session.kpiExits?.[draft.formId] === journeyId) return;
        req.session.kpiExits = { ...req.session.kpiExits, [draft.formId]: journeyId };
      }
      const at = Date.now();
      const context = {
        ...base(draft, journeyId, at),
        js: javascriptRan(req),
        device: deviceClass(req.get('user-agent')),
      };
      const pageKey = detail.pageKey ?? (detail.step ? pageKeyOf(detail.step) : undefined);
      if (starts && type !== 'start') emit({ ...context, type: 'start', pageKey });
      if (type === 'error') {
        for (const error of detail.errors ?? []) {
          emit({ ...context, type, pageKey, questionId: error.questionId, errorCode: error.code });
        }
        return;
      }
      emit({ ...context, type, pageKey });
      if (type === 'submit' && detail.noFixedAddress) {
        // The fact, on the journey's anonymous id, for the dashboard: never the answer.
        options.recorder.record({ ...context, type: 'no-fixed-address', pageKey });
        options.metrics.countNoFixedAddress(context);
      }
    },
    draftEvent(draft, type, at = Date.now()) {
      emit({
        ...base(draft, journeyIdOf(key, draft.id), at),
        type,
        js: null,
        device: 'unknown',
      });
    },
  };
}
