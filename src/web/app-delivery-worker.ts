import type { Logger } from 'pino';
import { inLanguage } from '../agency/agency-view';
import { deliveryFilesOf } from '../delivery/delivery-files';
import { createDeliveryWorker, type DeliveryWorker } from '../delivery/worker';
import type { CivicFormsApp } from './app';
import { createI18n } from './i18n';

const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

/**
 * The delivery worker for the service's own process, not started: the app's store, forms,
 * destinations and agencies (each email names the form's agency, in the form's language).
 */
export function createAppDeliveryWorker(app: CivicFormsApp, logger: Logger): DeliveryWorker {
  return createDeliveryWorker({
    store: app.store,
    forms: app.forms,
    agencyOf: (formId) => app.agencies.ofForm(formId).agency.id,
    agencyNameOf: (formId, lang) => {
      const shown = app.agencies.ofForm(formId);
      return inLanguage(shown.agency.name, lang, shown);
    },
    destinations: app.destinations,
    i18n: createI18n(),
    files: deliveryFilesOf(app.config, app.uploads?.blobs),
    pollMs: app.config.deliveryPollSeconds * 1000,
    claimMs: seconds(app.config.deliveryClaimSeconds),
    logger,
  });
}

/**
 * Starts the delivery worker inside the service (`npm start`), unless the operator runs it on its
 * own (`DELIVERY_WORKER=false` and `civic-forms deliver`). It sends in the background: the
 * confirmation page never waits for a delivery.
 *
 * @example
 *   const delivery = startAppDeliveryWorker(app, pino());
 *   process.once('SIGTERM', () => void delivery?.stop());
 */
export function startAppDeliveryWorker(
  app: CivicFormsApp,
  logger: Logger,
): DeliveryWorker | undefined {
  if (!app.config.deliveryWorker) return undefined;
  const worker = createAppDeliveryWorker(app, logger);
  worker.start();
  return worker;
}
