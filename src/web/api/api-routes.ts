import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { bearerKey, hashApiKey } from '../../delivery/api-key';
import { withFileLinks } from '../../delivery/payload-files';
import { webhookPayload, type WebhookPayload } from '../../delivery/webhook-payload';
import { submittedOn, type VersionLookup } from '../../publishing/draft-version';
import type { FormDefinition } from '../../definition/types';
import type { Agencies } from '../../agency/agencies';
import { keyAgency } from '../../delivery/api-key-agency';
import { readTypedReference } from '../../caseworker/typed-reference';
import type { ApiKeyRecord } from '../../store/api-key-repository';
import type { AuditAction } from '../../store/audit-events';
import type { Store, Submission } from '../../store/store';
import type { BlobStore } from '../../uploads/blob-store';
import { findStoredFile } from '../../uploads/stored-file';
import { sendStoredFile } from '../uploads/send-stored-file';
import { formatCursor, parseCursor } from './api-cursor';
import { sendApiError } from './api-errors';
import { createRateLimit } from './api-rate-limit';

/** What the pull API needs. */
export interface ApiDependencies {
  store: Store;
  forms: VersionLookup;
  /** Which agency each form belongs to: a key reads only the forms of one agency. */
  agencies: Agencies;
  /** Where uploaded files are; without one, no form has file questions. */
  blobs?: BlobStore;
  /** The service's public address (`BASE_URL`), for the links to a submission's files. */
  baseUrl?: string;
  /** Requests one key may make a minute in this process. */
  requestsPerMinute?: number;
  clock?: () => number;
}

const DEFAULT_LIMIT = 50;
const MOST_LIMIT = 100;

/** The key a request was authorised with. */
function keyOf(res: Response): ApiKeyRecord {
  return res.locals.apiKey as ApiKeyRecord;
}

/**
 * The pull API under `/api/v1` (schema/openapi.json): a form's submissions from a cursor, one
 * submission, and the receipt that says the agency has it. Every request needs a key from
 * `civic-forms api-keys add`, is limited per key, and is in the audit trail. Answers are JSON; a
 * form or submission the key is not for is `404`, as one that does not exist.
 */
export function createApiRoutes(deps: ApiDependencies): Router {
  const { store, forms } = deps;
  /** A submission as the webhook sends it, on the version it was made on, with links to its files. */
  const payloadOf = (
    form: FormDefinition,
    submission: Submission,
    agency: string | undefined,
  ): WebhookPayload =>
    withFileLinks(
      webhookPayload(submittedOn(forms, submission) ?? form, submission, agency),
      (file) => ({
        url: `${deps.baseUrl ?? ''}/api/v1/submissions/${submission.reference}/files/${file.id}`,
      }),
    );
  const clock = deps.clock ?? Date.now;
  const rateLimit = createRateLimit(deps.requestsPerMinute ?? 120, 60_000, clock);
  const router = express.Router();

  const audit = (req: Request, key: ApiKeyRecord | undefined, event: AuditEventOf) =>
    store.staff.appendAudit({
      at: clock(),
      actorId: undefined,
      actorUsername: key ? `api-key:${key.name}`.slice(0, 100) : 'api-key:unknown',
      action: event.action,
      target: event.target,
      detail: event.detail,
      clientIp: req.ip,
      userAgent: req.get('user-agent')?.slice(0, 200),
      agency: key ? keyAgency(key, deps.agencies) : undefined,
    });

  router.use((_req, res, next) => {
    // Answers hold submissions: never kept by a cache or a proxy.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const presented = bearerKey(req.get('authorization'));
    const key = presented ? await store.apiKeys.findKeyByHash(hashApiKey(presented)) : undefined;
    if (!key || key.revokedAt !== undefined) {
      // A key-shaped token that is not (or no longer) valid is recorded; noise without one is not.
      if (presented) await audit(req, key, { action: 'api-key-refused', detail: key?.name });
      sendApiError(res, 'API_KEY_INVALID');
      return;
    }
    const decision = rateLimit(key.id);
    if (!decision.ok) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      sendApiError(
        res,
        'RATE_LIMITED',
        `Too many requests: try again in ${decision.retryAfterSeconds} seconds.`,
      );
      return;
    }
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    res.locals.apiKey = key;
    await store.apiKeys.touchKey(key.id, clock());
    next();
  });

  /**
   * The form the key may read, or undefined after answering 404: one the key names, of the key's
   * agency (a form since given to another agency is no longer the key's to read).
   */
  const formFor = (res: Response, formId: string): FormDefinition | undefined => {
    const key = keyOf(res);
    const mayRead =
      key.forms.includes(formId) &&
      deps.agencies.ofForm(formId).agency.id === keyAgency(key, deps.agencies);
    const form = mayRead ? forms.get(formId) : undefined;
    if (!form) sendApiError(res, 'NOT_FOUND');
    return form;
  };

  /** The submission and its form when the key may read them, or undefined after answering 404. */
  const submissionFor = async (
    res: Response,
    typed: string,
  ): Promise<{ submission: Submission; form: FormDefinition } | undefined> => {
    const read = readTypedReference(typed);
    const submission =
      read.kind === 'reference' ? await store.journeys.findSubmission(read.reference) : undefined;
    const form = submission ? formFor(res, submission.formId) : undefined;
    if (!submission) sendApiError(res, 'NOT_FOUND');
    return submission && form ? { submission, form } : undefined;
  };

  router.get('/forms/:formId/submissions', async (req, res) => {
    const limitText = req.query.limit;
    const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
    const afterText = req.query.after;
    const after = typeof afterText === 'string' ? parseCursor(afterText) : undefined;
    if (!Number.isInteger(limit) || limit < 1 || limit > MOST_LIMIT) {
      sendApiError(res, 'BAD_REQUEST', '`limit` must be a whole number from 1 to 100.');
      return;
    }
    if (afterText !== undefined && !after) {
      sendApiError(res, 'BAD_REQUEST', '`after` must be a cursor this API gave.');
      return;
    }
    const form = formFor(res, req.params.formId);
    if (!form) return;
    const rows = await store.deliveries.pullPage(form.id, after, limit + 1);
    const page = rows.slice(0, limit);
    const seen = new Set<string>();
    const submissions = [];
    for (const row of page) {
      if (seen.has(row.reference)) continue;
      seen.add(row.reference);
      const submission = await store.journeys.findSubmission(row.reference);
      if (submission)
        submissions.push(payloadOf(form, submission, keyAgency(keyOf(res), deps.agencies)));
    }
    const last = page[page.length - 1];
    await audit(req, keyOf(res), {
      action: 'api-list-submissions',
      target: form.id,
      detail: `${submissions.length}`,
    });
    res.json({
      submissions,
      cursor: formatCursor(last ?? after ?? { xact: 0, id: 0 }),
      hasMore: rows.length > limit,
    });
  });

  router.get('/submissions/:reference', async (req, res) => {
    const found = await submissionFor(res, req.params.reference);
    if (!found) return;
    await audit(req, keyOf(res), {
      action: 'api-get-submission',
      target: found.submission.reference,
    });
    res.json(payloadOf(found.form, found.submission, keyAgency(keyOf(res), deps.agencies)));
  });

  router.get('/submissions/:reference/files/:fileId', async (req, res) => {
    const found = await submissionFor(res, req.params.reference);
    if (!found) return;
    const file = findStoredFile(found.submission.answers, req.params.fileId);
    const bytes = file && (await deps.blobs?.get(file.id));
    if (!file || !bytes) {
      sendApiError(res, 'NOT_FOUND');
      return;
    }
    await audit(req, keyOf(res), {
      action: 'api-get-file',
      target: found.submission.reference,
      detail: file.id,
    });
    sendStoredFile(res, file, bytes);
  });

  router.post('/submissions/:reference/receipt', async (req, res) => {
    const found = await submissionFor(res, req.params.reference);
    if (!found) return;
    const key = keyOf(res);
    const { reference } = found.submission;
    // The receipt, the pull deliveries it completes and its audit line: together or not at all.
    const receipt = await store.tx(async (t) => {
      const first = await t.apiKeys.addReceipt({ reference, apiKeyId: key.id, at: clock() });
      await t.deliveries.markPulled(reference, first.at);
      await t.staff.appendAudit({
        at: clock(),
        actorId: undefined,
        actorUsername: `api-key:${key.name}`.slice(0, 100),
        action: 'api-receipt',
        target: reference,
        detail: undefined,
        clientIp: req.ip,
        userAgent: req.get('user-agent')?.slice(0, 200),
        agency: keyAgency(key, deps.agencies),
      });
      return first;
    });
    res.json({ reference, receivedAt: new Date(receipt.at).toISOString() });
  });

  router.use((_req, res) => sendApiError(res, 'NOT_FOUND'));
  // A fault (the database down, say) as JSON, never the service's HTML error page.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = (error as { status?: number }).status ?? 500;
    const code = (error as { code?: string }).code ?? 'INTERNAL';
    res.status(status >= 400 ? status : 500).json({
      error: { code, message: 'The service could not answer now: try again later.' },
    });
  });
  return router;
}

/** One line of the audit trail the API adds: who and from where come from the request. */
interface AuditEventOf {
  action: AuditAction;
  target?: string;
  detail?: string;
}
