import type { Logger } from 'pino';
import { createKpiMetrics, type KpiMetrics } from '../../kpi/metrics';
import { createRecorder, type Recorder, type RecorderOptions } from '../../kpi/recorder';
import type { Store } from '../../store/store';
import { createJourneyEvents, type JourneyEvents } from './kpi-events';

/** The KPI instrumentation of one app: the hooks journeys call, the recorder, the counters. */
export interface Kpi {
  events: JourneyEvents;
  recorder: Recorder;
  metrics: KpiMetrics;
}

/**
 * Creates an app's KPI instrumentation: a batched recorder writing to the store, a Prometheus
 * registry of its own, and the journey hooks over both. `recorder.close()` on shutdown.
 */
export function createKpi(
  store: Store,
  options: {
    secret: string;
    logger: Logger;
    recorder?: RecorderOptions;
    /** The agency of a form, a label of every counter. */
    agencyOf?: (formId: string) => string;
  },
): Kpi {
  const recorder = createRecorder(store, {
    onError: (error) =>
      options.logger.error({ event: 'kpi', err: error }, 'journey events could not be written'),
    ...options.recorder,
  });
  const metrics = createKpiMetrics(options.agencyOf);
  return {
    events: createJourneyEvents({ recorder, metrics, secret: options.secret }),
    recorder,
    metrics,
  };
}
