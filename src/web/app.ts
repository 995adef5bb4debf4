import express, { type Express } from 'express';
import { csrfSync } from 'csrf-sync';
import pino, { type Logger } from 'pino';
import { resolveConfig, type Config, type ConfigInput } from '../config';
import { loadForms } from '../definition/load';
import { closedTo } from '../publishing/closure';
import { createFormCatalogue, type FormCatalogue } from '../publishing/form-catalogue';
import { localise } from '../definition/translation';
import type { FormDefinition } from '../definition/types';
import { ServiceError } from '../errors';
import type { DestinationsConfig } from '../delivery/destination';
import { assertFormDestinations } from '../delivery/form-destinations-check';
import { loadDestinations } from '../delivery/load-destinations';
import type { Store } from '../store/store';
import { resumePolicy } from '../resume/resume-policy';
import { logResumeSender, type ResumeSender } from '../resume/resume-sender';
import { createAssets } from './assets';
import { createLiveReload, LIVE_RELOAD_PATH } from './live-reload';
import { brandAssets, createAgencies, type Agencies, type ShownAgency } from '../agency/agencies';
import { createAgencyHost, hostAgencyOf } from './agency-host';
import { loadAgencies } from '../agency/load-agencies';
import { inLanguage } from '../agency/agency-view';
import { createAgencyPages } from './agency-pages';
import { createApiRoutes } from './api/api-routes';
import { createCompression } from './compression';
import { createPasswordAuthenticator } from '../caseworker/password-authenticator';
import { createRequireRole } from './caseworker/require-role';
import { createDashboardRoutes } from './dashboard/routes';
import { createAdminRoutes } from './admin/admin-routes';
import { createFeedbackRoutes } from './kpi/feedback-routes';
import { createCaseworkerRoutes } from './caseworker/caseworker-routes';
import { createCaseworkerErrors } from './caseworker/caseworker-errors';
import { createFormRoutes } from './form-routes';
import { createI18n, frameworkLanguages, translator } from './i18n';
import { createKpi, type Kpi } from './kpi/kpi';
import { createLanguage } from './language';
import { createPaperRoutes } from './paper-routes';
import { createPreviewRoutes } from './preview/preview-routes';
import { createMetricsRoute } from './kpi/metrics-route';
import { createRender } from './render';
import { createRequestLog } from './request-log';
import { createRequestBody } from './request-body';
import { LOG_SERIALISERS } from './log-serialisers';
import { createResumePages } from './resume/resume-pages';
import { createSessions } from './session/sessions';
import { createSessionExpiry, SESSION_COOKIE, sessionless } from './session-expiry';
import { addSessionPages } from './session-pages';
import { createViews } from './views';
import { createErrorPage } from './error-page';
import { createSecurityHeaders } from './security-headers';
import type { BlobStore } from '../uploads/blob-store';
import type { VirusScanner } from '../uploads/virus-scanner';
import type { FileUploads } from './uploads/file-uploads';
import { createUploadBody } from './uploads/upload-body';
import { createFileLinkRoute } from './uploads/file-link-route';
import { deliveryFilesOf } from '../delivery/delivery-files';
import { createUploadsFromConfig } from './uploads/uploads-setup';
import { sessionIndex } from './session-index';

export interface AppOptions extends ConfigInput {
  /** The opened store (`openStore` in src/store/open-store.ts); the app closes it on `close()`. */
  store: Store;
  /** Forms to serve instead of reading `formsDir` (they win over published versions of their ids). */
  forms?: ReadonlyMap<string, FormDefinition>;
  /**
   * The forms as the composition root prepared them (published versions read, the folder watched
   * in development); by default one is made of `forms` (or the folder) and the store.
   */
  catalogue?: FormCatalogue;
  logger?: Logger;
  /** Sends "come back to your form" emails; by default a log line says one would be sent. */
  resumeSender?: ResumeSender;
  /** Where uploaded files go instead of the encrypted folder under `dataDir/uploads`. */
  blobs?: BlobStore;
  /** The virus scanner instead of clamd at `clamdAddress`. */
  scanner?: VirusScanner;
  /** The operator's destinations; by default read from `destinationsFile` (none without one). */
  destinations?: DestinationsConfig;
}

/** The express app, with what it opened so the caller can close it. */
export interface CivicFormsApp extends Express {
  readonly store: Store;
  /** The current version of each form, and every version drafts and submissions may name. */
  readonly forms: FormCatalogue;
  readonly config: Config;
  readonly agencies: Agencies;
  /** The KPI instrumentation: journey hooks, the batched recorder, the Prometheus counters. */
  readonly kpi: Kpi;
  /** File questions' uploads (scanner and blob store); undefined when no form asks for a file. */
  readonly uploads: FileUploads | undefined;
  /** Where submissions are delivered, as the destinations file configures them. */
  readonly destinations: DestinationsConfig;
  /** Ends the responses that stay open (development's live reload): call before closing a server. */
  endStreams(): void;
  close(): Promise<void>;
}

/**
 * Builds the express app on an opened store: loads and checks every form and agency. It neither
 * opens the database nor listens; the composition root (`src/service.ts`) and `server.ts` do.
 *
 * @example
 *   const app = createApp({ formsDir: 'forms', store: openSqliteStore({ file: 'data/x.sqlite' }) });
 *   app.listen(3000);
 */
export function createApp(options: AppOptions): CivicFormsApp {
  const {
    store,
    forms: givenForms,
    catalogue: givenCatalogue,
    logger: givenLogger,
    resumeSender,
    blobs,
    scanner,
    destinations: givenDestinations,
    ...configInput
  } = options;
  const config = resolveConfig(configInput);
  // Whatever logger is given, an error in a log line is only its class, code, message and stack.
  const logger = (givenLogger ?? pino({ level: config.logLevel })).child(
    {},
    { serializers: LOG_SERIALISERS },
  );
  const forms =
    givenCatalogue ??
    createFormCatalogue({
      store,
      // Built without the composition root: the folder's forms (or those given), over the published.
      folder: givenForms ?? loadForms(config.formsDir),
      pollMs: config.formsPollSeconds * 1000,
      logger,
    });
  // Before anything else: production without a scanner or key for file questions stops here.
  const uploads = createUploadsFromConfig({ config, forms, logger, store, blobs, scanner });
  const destinations =
    givenDestinations ?? loadDestinations(config.destinationsFile, config.secretEnvironment);
  // As `civic-forms validate`: a form naming a destination the service lacks does not start.
  assertFormDestinations(forms, destinations, config.formsDir);
  // loadForms has made every check `civic-forms validate` makes, the languages offered included.
  const i18n = createI18n();
  const views = createViews();
  // The same checks as `civic-forms validate`: a broken agency stops the start, naming file and path.
  const languages = frameworkLanguages(i18n);
  const loadedAgencies = loadAgencies(config.agenciesDir, [...forms.keys()], languages);
  // Development only: pages load again when the watched forms folder changes.
  const liveReload = createLiveReload(config, forms);
  const assets = createAssets(brandAssets(loadedAgencies), { liveReload: Boolean(liveReload) });
  const agencies = createAgencies({
    loaded: loadedAgencies,
    formIds: [...forms.keys()],
    images: assets.images,
    i18n,
    languages,
  });
  const kpi = createKpi(store, {
    secret: config.sessionSecret,
    logger,
    agencyOf: (formId) => agencies.ofForm(formId).agency.id,
  });
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    size: 32,
    getTokenFromState: (req) => req.session?.csrfToken,
    storeTokenInState: (req, token) => {
      if (req.session) req.session.csrfToken = token ?? undefined;
    },
    getTokenFromRequest: (req) =>
      (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  });
  const render = createRender({
    idleMinutes: config.sessionIdleMinutes,
    views,
    i18n,
    assets: assets.urls,
    agencies,
    csrfToken: (req) => (req.session ? generateToken(req) : ''),
  });

  const app = express() as unknown as CivicFormsApp;
  app.disable('x-powered-by');
  // Pages holding answers are never cached, so an ETag would only cost a hash of every page.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(createSecurityHeaders({ secure: config.secureCookies }));
  app.use(assets.serve);
  app.use(createRequestLog(logger));
  // The database kind tells an operator which store answered (or did not): SQLite or PostgreSQL.
  app.get('/health', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok', database: store.kind });
    } catch {
      res
        .status(503)
        .json({ status: 'unavailable', code: 'DATABASE_UNAVAILABLE', database: store.kind });
    }
  });
  if (liveReload) app.get(LIVE_RELOAD_PATH, liveReload.route);
  // Before the session: a scrape creates none. Without a token there is no /metrics (404).
  if (config.metricsToken) {
    app.get('/metrics', createMetricsRoute(kpi.metrics.registry, config.metricsToken));
  }
  // The pull API, before the session and CSRF: its clients send a key, never a cookie.
  app.use(
    '/api/v1',
    createApiRoutes({ store, forms, agencies, blobs: uploads?.blobs, baseUrl: config.baseUrl }),
  );
  // Delivered files' signed links, before the session too: a receiver sends no cookie.
  const files = deliveryFilesOf(config, uploads?.blobs);
  if (files)
    app.use(
      createFileLinkRoute({
        store,
        blobs: files.blobs,
        links: files.links,
        agencyOf: (formId) => agencies.ofForm(formId).agency.id,
      }),
    );
  // Before the body: a body refused is answered in the page's language.
  app.use(createLanguage(frameworkLanguages(i18n), config.secureCookies));
  // After the language (its refusal is a page in it): an agency's own host name, if configured.
  app.use(createAgencyHost({ agencies, forms }));
  app.use(createRequestBody({ limit: config.bodyLimit, parameterLimit: 200 }));
  // Multipart posts of file pages, read with their limits before the CSRF check reads the token.
  if (uploads) {
    app.use(createUploadBody({ forms, maxFields: 200, maxFieldBytes: config.bodyLimit }));
  }
  app.use(
    createSessions({
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      store: store.sessions,
      idleMs: config.sessionIdleMinutes * 60_000,
      secure: config.secureCookies,
      index: sessionIndex,
    }),
  );
  // After the session, so a page is compressed before the session is stored and the page sent.
  // Pages the same for everyone (no session) are compressed once; the others on every request.
  app.use(createCompression({ shared: sessionless }));
  app.use(createSessionExpiry(forms));
  app.use(csrfSynchronisedProtection);

  app.get('/', (req, res) => {
    const lang = res.locals.lang as string;
    const t = translator(i18n, lang);
    res.setHeader('Cache-Control', 'no-cache');
    render(req, res, 'form-list.njk', {
      pageTitle: t('formList.title'),
      // Grouped by agency, in the order of the agencies, each group in the forms' order; on an
      // agency's own host name, its forms alone.
      agencies: (hostAgencyOf(res) ? [hostAgencyOf(res) as ShownAgency] : agencies.all)
        .map((shown) => ({
          name: inLanguage(shown.agency.name, lang, shown),
          forms: [...forms.values()]
            .filter((f) => agencies.ofForm(f.id) === shown && !closedTo(forms, f.id, false))
            .map((f) => localise(f, lang))
            .map((f) => ({ href: `/${f.id}`, title: f.title, description: f.description })),
        }))
        .filter((group) => group.forms.length > 0),
    });
  });
  const journeyRoutes = express.Router();
  addSessionPages(journeyRoutes, {
    forms,
    store,
    render,
    i18n,
    idleMinutes: config.sessionIdleMinutes,
    uploads,
  });
  app.use(journeyRoutes);
  app.use(
    createResumePages({
      forms,
      store,
      render,
      i18n,
      policy: resumePolicy(config),
      sender: resumeSender ?? logResumeSender(logger),
      destinations,
      baseUrl: config.baseUrl,
      kpi: kpi.events,
    }),
  );
  // Before the form routes, whose `/:formId` would otherwise take `/caseworker` for a form id.
  app.use(
    '/caseworker',
    createCaseworkerRoutes({
      forms,
      agencies,
      store,
      render,
      i18n,
      destinations,
      idleMinutes: config.caseworkerIdleMinutes,
      resumePolicy: resumePolicy(config),
      kpi: kpi.events,
      uploads,
    }),
  );
  app.use(createFeedbackRoutes({ forms, store, render, i18n }));
  // The guard of the staff areas outside /caseworker: the same sign-in, the same idle time-out.
  const staffGuard = createRequireRole({
    authenticator: createPasswordAuthenticator(store),
    store,
    idleMinutes: config.caseworkerIdleMinutes,
  });
  app.use(
    '/dashboard',
    createDashboardRoutes({
      forms,
      agencies,
      store,
      render,
      i18n,
      guard: staffGuard('service-team'),
      idleMinutes: config.caseworkerIdleMinutes,
      flush: () => kpi.recorder.flush(),
    }),
    // The guard's refusals as the staff area shows them (its 403 pages), not as a service fault.
    createCaseworkerErrors({ render, i18n, idleMinutes: config.caseworkerIdleMinutes }),
  );
  app.use(
    '/admin',
    createAdminRoutes({
      forms,
      agencies,
      store,
      render,
      i18n,
      requireRole: staffGuard,
      idleMinutes: config.caseworkerIdleMinutes,
      flush: () => kpi.recorder.flush(),
    }),
  );
  // A service team's preview of the forms folder: "page not found" for anyone else.
  app.use(
    '/preview',
    createPreviewRoutes({
      store,
      agencies,
      render,
      i18n,
      config,
      idleMinutes: config.caseworkerIdleMinutes,
    }),
  );
  app.use(createAgencyPages({ agencies, render, i18n, config }));
  // Before the form routes, whose `/:formId/:pageId` would take `paper.pdf` for a page id.
  app.use(createPaperRoutes({ forms, store, render, i18n, config }));
  app.use(createFormRoutes({ forms, store, render, i18n, destinations, kpi: kpi.events, uploads }));

  app.use((_req, _res, next) => next(new ServiceError('PAGE_NOT_FOUND')));
  app.use(createErrorPage({ render, i18n }));

  Object.defineProperties(app, {
    store: { value: store },
    forms: { value: forms },
    config: { value: config },
    agencies: { value: agencies },
    kpi: { value: kpi },
    uploads: { value: uploads },
    destinations: { value: destinations },
    // Journey events still waiting are written before the database closes.
    endStreams: { value: () => liveReload?.close() },
    close: {
      value: () => {
        liveReload?.close();
        forms.close();
        return kpi.recorder.close().then(() => store.close());
      },
    },
  });
  return app;
}
