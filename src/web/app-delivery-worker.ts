import type { Logger } from 'pino';
import { deliveryFilesOf } from '../delivery/delivery-files';
import { createDeliveryWorker, type DeliveryWorker } from '../delivery/worker';
import type { CivicFormsApp } from './app';
import { createI18n } from './i18n';

const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

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
  const worker = createDeliveryWorker({
    store: app.store,
    forms: app.forms,
    agencyOf: (formId) => app.agencies.ofForm(formId).agency.id,
    destinations: app.destinations,
    i18n: createI18n(),
    files: deliveryFilesOf(app.config, app.uploads?.blobs),
    pollMs: app.config.deliveryPollSeconds * 1000,
    claimMs: seconds(app.config.deliveryClaimSeconds),
    logger,
  });
  worker.start();
  return worker;
}
