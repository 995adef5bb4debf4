import type { NewJourneyEvent } from '../store/journey-events';
import type { Store } from '../store/store';

/** How often, and after how many events, the recorder writes. */
export interface RecorderOptions {
  /** Milliseconds between writes of what is waiting: the most a hard crash can lose. */
  intervalMs?: number;
  /** Events that trigger a write before the interval is up. */
  maxBatch?: number;
  /** Events kept while the database refuses writes; the oldest beyond this are dropped. */
  maxWaiting?: number;
  /** Told of a failed write (the events are kept and tried again). */
  onError?: (error: unknown) => void;
}

/** Collects journey events in memory and writes them in batches, off the request's path. */
export interface Recorder {
  /** Queues an event; returns at once. */
  record(event: NewJourneyEvent): void;
  /** Gives a journey a new id, in events already written and in those still waiting. */
  rename(from: string, to: string): void;
  /** Writes everything waiting, in one transaction. */
  flush(): Promise<void>;
  /** Writes everything waiting and stops the timer; later events are written at once. */
  close(): Promise<void>;
  /** Events waiting to be written. */
  readonly waiting: number;
  /** Events dropped because the database refused writes for too long. */
  readonly dropped: number;
}

/** The defaults: a write a second, or sooner once 200 events wait. */
export const RECORDER_DEFAULTS = Object.freeze({
  intervalMs: 1000,
  maxBatch: 200,
  maxWaiting: 50_000,
});

/**
 * A batched recorder: `record` only pushes onto an array; a timer (or a full batch) writes the
 * array with `store.events.appendJourneyEvents` in one transaction. A crash of the process loses at most
 * the events of the last `intervalMs`; a clean shutdown (`close`) loses none.
 *
 * @example
 *   const recorder = createRecorder(store, { intervalMs: 1000 });
 *   recorder.record(event);
 *   await recorder.close();
 */
export function createRecorder(
  store: { events: Pick<Store['events'], 'appendJourneyEvents'> },
  options: RecorderOptions = {},
): Recorder {
  const { intervalMs, maxBatch, maxWaiting } = { ...RECORDER_DEFAULTS, ...options };
  if (!(intervalMs > 0) || !(maxBatch > 0)) {
    throw new Error('createRecorder: intervalMs and maxBatch must be above 0');
  }
  let events: NewJourneyEvent[] = [];
  let renames: Array<[string, string]> = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  let dropped = 0;

  const write = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (events.length === 0 && renames.length === 0) return;
    const batch = events;
    const batchRenames = renames;
    events = [];
    renames = [];
    try {
      await store.events.appendJourneyEvents(batch, batchRenames);
    } catch (error) {
      // Kept for the next write; renames first, since they apply to rows already written.
      events = [...batch, ...events];
      renames = [...batchRenames, ...renames];
      if (events.length > maxWaiting) {
        dropped += events.length - maxWaiting;
        events = events.slice(events.length - maxWaiting);
      }
      options.onError?.(error);
      if (!closed) schedule();
    }
  };
  const flush = (): Promise<void> => (writing = writing.then(write, write));
  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(() => void flush(), intervalMs);
    // A waiting write never keeps the process alive; shutting down calls close().
    timer.unref();
  };

  return {
    record(event) {
      events.push(event);
      if (closed || events.length >= maxBatch) void flush();
      else schedule();
    },
    rename(from, to) {
      for (const e of events) if (e.journeyId === from) e.journeyId = to;
      renames.push([from, to]);
      if (closed) void flush();
      else schedule();
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
    get waiting() {
      return events.length;
    },
    get dropped() {
      return dropped;
    },
  };
}
