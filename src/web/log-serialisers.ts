/** How deep a chain of causes is followed in a log line. */
const MOST_CAUSES = 3;

/**
 * What a log line may hold of an error: its class, code, status, message and stack, and the same of
 * its cause. Nothing else: libraries hang the request on their errors (body-parser puts the whole
 * body on `err.body`; others `raw`, `request`, `config`), and pino's own serialiser would copy every
 * property into the log.
 */
export function serialiseError(error: unknown, depth = 0): Record<string, unknown> | undefined {
  // Duck-typed: errors from another realm (a native module, a vm) are not `instanceof Error` here.
  const e = error as Partial<Error> | null | undefined;
  if (typeof e !== 'object' || e === null || typeof e.message !== 'string') {
    return error === undefined ? undefined : { type: typeof error };
  }
  const { code, status } = error as { code?: unknown; status?: unknown };
  return {
    type: e.constructor?.name ?? 'Error',
    message: e.message,
    stack: typeof e.stack === 'string' ? e.stack : '',
    ...(typeof code === 'string' && { code }),
    ...(typeof status === 'number' && { status }),
    ...(e.cause !== undefined &&
      depth < MOST_CAUSES && { cause: serialiseError(e.cause, depth + 1) }),
  };
}

/** pino's serialisers for every logger of the service: `err` through `serialiseError`. */
export const LOG_SERIALISERS = Object.freeze({ err: (error: unknown) => serialiseError(error) });
