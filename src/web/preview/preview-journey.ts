import { randomUUID } from 'node:crypto';
import type { Draft } from '../../engine/answers';
import type { AssistedJourney } from '../caseworker/assisted-journey';
import type {} from '../session/session-data';

declare module '../session/session-data' {
  interface SessionData {
    /**
     * A service team's preview journeys, by form id: the draft itself, held in the session only,
     * never in the drafts table, so a preview leaves nothing behind but the session.
     */
    previewDrafts?: Record<string, Draft>;
    /** The forms whose preview was just sent, for its confirmation. */
    previewSent?: Record<string, boolean>;
  }
}

/**
 * The journey routes' behaviour under `/preview`: the public pages as a constituent sees them,
 * with a draft that lives in the session and a "send" that stores, delivers and counts nothing
 * (no KPI hooks are given to these routes either) and ends on the preview's confirmation.
 */
export function createPreviewJourney(): AssistedJourney {
  return {
    present: (form) => form,

    loadDraft(req, form) {
      const held = req.session.previewDrafts?.[form.id];
      const now = Date.now();
      return Promise.resolve(
        held ?? {
          id: randomUUID(),
          formId: form.id,
          formVersion: form.version,
          answers: {},
          done: [],
          language: form.language,
          channel: 'online',
          createdAt: now,
          updatedAt: now,
        },
      );
    },

    sentJourney: () => Promise.resolve(undefined),

    questionLocals: () => ({}),

    keepDraft(req, draft) {
      draft.updatedAt = Date.now();
      req.session.previewDrafts = { ...req.session.previewDrafts, [draft.formId]: draft };
      return Promise.resolve();
    },

    send(req, res, form) {
      const rest = { ...req.session.previewDrafts };
      delete rest[form.id];
      req.session.previewDrafts = rest;
      req.session.previewSent = { ...req.session.previewSent, [form.id]: true };
      res.redirect(303, `${req.baseUrl}/${form.id}/confirmation`);
      return Promise.resolve();
    },

    submitted() {
      // Never reached: `send` stores no submission.
      return Promise.resolve();
    },
  };
}
