import { Counter, Registry } from 'prom-client';
import type { NewJourneyEvent } from '../store/journey-events';

/** The Prometheus counters of one app, in a registry of its own (never prom-client's global one). */
export interface KpiMetrics {
  readonly registry: Registry;
  /** Counts an event: starts, completions (submissions and exit pages) and validation errors. */
  count(event: NewJourneyEvent): void;
  /** Counts a submission that said "I have no fixed address" (the count only, never the answer). */
  countNoFixedAddress(event: Pick<NewJourneyEvent, 'formId' | 'channel'>): void;
}

/**
 * Creates the counters `civic_forms_starts_total`, `civic_forms_completions_total`,
 * `civic_forms_validation_errors_total` and `civic_forms_no_fixed_address_total`, each labelled by
 * form, channel and the form's agency (`agencyOf`; `default` without it). They count events as
 * they are recorded; a journey's figures over a period come from the dashboard, not from here.
 */
export function createKpiMetrics(
  agencyOf: (formId: string) => string = () => 'default',
): KpiMetrics {
  const registry = new Registry();
  const labelNames = ['form', 'channel', 'agency'] as const;
  const starts = new Counter({
    name: 'civic_forms_starts_total',
    help: 'Journeys started, by form, channel and agency.',
    labelNames,
    registers: [registry],
  });
  const completions = new Counter({
    name: 'civic_forms_completions_total',
    help: 'Transactions completed (submissions and exit pages reached), by form, channel and agency.',
    labelNames,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'civic_forms_validation_errors_total',
    help: 'Validation errors shown, by form, channel and agency.',
    labelNames,
    registers: [registry],
  });
  const noFixedAddress = new Counter({
    name: 'civic_forms_no_fixed_address_total',
    help: 'Submissions whose address answer was "I have no fixed address", by form, channel and agency.',
    labelNames,
    registers: [registry],
  });
  return {
    registry,
    countNoFixedAddress(event) {
      noFixedAddress.inc({
        form: event.formId,
        channel: event.channel,
        agency: agencyOf(event.formId),
      });
    },
    count(event) {
      const labels = { form: event.formId, channel: event.channel, agency: agencyOf(event.formId) };
      if (event.type === 'start') starts.inc(labels);
      else if (event.type === 'submit' || event.type === 'exit') completions.inc(labels);
      else if (event.type === 'error') errors.inc(labels);
    },
  };
}
