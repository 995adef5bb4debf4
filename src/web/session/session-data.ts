/**
 * What a session holds. Each module that keeps something in the session adds its own keys with
 * `declare module '…/session/session-data' { interface SessionData { … } }`, beside the code that
 * uses them.
 */
export interface SessionData {
  /** The token every form of this session posts back (csrf-sync's synchroniser token). */
  csrfToken?: string;
}

/** How long the session lasts without use; kept in its data as `cookie.originalMaxAge`. */
export interface SessionCookie {
  /** Milliseconds without a request after which the session ends. */
  maxAge: number;
}

/** What a request can do with its session, beside reading and writing its data. */
export interface SessionControl {
  /** The session's id: random, 24 bytes, never shown on a page. */
  readonly id: string;
  readonly cookie: SessionCookie;
  /** A new id for the same browser (sign-in, proving a saved form is yours): the old row goes. */
  regenerate(callback: (error?: unknown) => void): void;
  /** Ends the session: its row is deleted and the response sets no session cookie. */
  destroy(callback?: (error?: unknown) => void): void;
  /** Stores the session now rather than as the response ends. */
  save(callback?: (error?: unknown) => void): void;
  /** Moves the stored expiry on with this response even if it moved less than a minute ago. */
  touch(): void;
}

/** `req.session`: the data and what can be done with it. */
export type Session = SessionControl & Partial<SessionData>;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- express's own extension point
  namespace Express {
    interface Request {
      /** This request's session; undefined only after `destroy`. */
      session: Session;
      /** The id of `req.session`. */
      sessionID: string;
    }
  }
}
