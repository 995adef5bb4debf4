import path from 'node:path';
import type {
  Destination,
  DestinationsConfig,
  WebhookDestination,
} from '../../../src/delivery/destination';
import { DEFAULT_RETRY } from '../../../src/delivery/destination';
import { submitWithDeliveries } from '../../../src/delivery/outbox';
import { loadForms } from '../../../src/definition/load';
import type { FormDefinition } from '../../../src/definition/types';
import type { Channel } from '../../../src/engine/answers';
import type { Store } from '../../../src/store/store';
import { EXAMPLE_FORMS } from '../../support/agent';
import { sampleAnswers } from './sample-submission';

/** A Standard Webhooks secret the tests share with their receiver. */
export const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

/** The example housing repair form, delivered to the destinations named. */
export function housingForm(...destinations: string[]): FormDefinition {
  const form = loadForms(EXAMPLE_FORMS).get('report-housing-repair');
  if (!form) throw new Error('the example form report-housing-repair is missing');
  return { ...form, destinations };
}

/** A webhook destination to a receiver's address. */
export function webhookTo(
  url: string,
  id = 'housing-webhook',
  timeoutMs = 2_000,
): WebhookDestination {
  return { id, type: 'webhook', url, secret: SECRET, includePdf: false, timeoutMs };
}

/** Destinations as the destinations file would give them, with the default retry policy. */
export function destinationsOf(...destinations: Destination[]): DestinationsConfig {
  return { destinations: new Map(destinations.map((d) => [d.id, d])), retry: DEFAULT_RETRY };
}

/**
 * Submits a journey through the outbox as every channel does, with the form's sample answers and its
 * own description of the problem, so a payload can be checked against its submission.
 */
export async function submitJourney(
  store: Store,
  form: FormDefinition,
  config: DestinationsConfig,
  id: string,
  channel: Channel = 'online',
): Promise<string> {
  const answers = { ...sampleAnswers(form), 'problem-description': `Leak reported in ${id}` };
  const { submission } = await submitWithDeliveries(store, config, form, {
    draft: {
      id,
      formId: form.id,
      formVersion: form.version,
      answers,
      done: [],
      language: 'cy',
      channel,
      ...(channel === 'online' ? {} : { caseworkerId: 'a3f1c9e2-caseworker' }),
      createdAt: Date.now(),
      updatedAt: Date.now(),
    },
    answers,
    at: Date.now(),
  });
  return submission.reference;
}

export const ROOT = path.join(__dirname, '..', '..', '..');
