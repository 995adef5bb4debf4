import type { FormDefinition } from '../definition/types';
import type { Answers, Draft } from '../engine/answers';
import type { DeliveryTarget } from '../store/delivery-repository';
import type { Store, SubmitResult } from '../store/store';
import type { DestinationsConfig } from './destination';
import { webhookId } from './webhook-id';

/**
 * The outbox rows of a submission of `form`: one per destination the form names, each with the
 * `webhook-id` it keeps on every try. A pull API destination's row waits for the agency's receipt.
 */
export function deliveryTargets(
  form: Pick<FormDefinition, 'destinations'>,
  reference: string,
  config: DestinationsConfig,
): DeliveryTarget[] {
  return (form.destinations ?? []).map((destination) => ({
    destination,
    webhookId: webhookId(reference, destination),
    pull: config.destinations.get(destination)?.type === 'pull-api',
  }));
}

/**
 * Submits a journey and writes its deliveries in the same transaction: a submission is never
 * stored without its outbox rows, nor rows without their submission. Every channel submits through
 * here. Nothing is sent now: the delivery worker does that, so the confirmation page never waits.
 *
 * @example
 *   const { submission } = await submitWithDeliveries(store, destinations, form, draft, answers, Date.now());
 */
export function submitWithDeliveries(
  store: Store,
  config: DestinationsConfig,
  form: Pick<FormDefinition, 'destinations'>,
  submission: { draft: Draft; answers: Answers; at: number },
): Promise<SubmitResult> {
  return store.tx(async (t) => {
    const result = await t.journeys.submit(submission.draft, submission.answers, submission.at);
    if (result.created) {
      const { reference, formId } = result.submission;
      await t.deliveries.enqueue(reference, formId, deliveryTargets(form, reference, config));
    }
    return result;
  });
}
