/**
 * Where submissions go, as the operator configures them in the destinations file
 * (`docs/delivery.md`). Secrets are already read from the environment or their files: a
 * `Destination` holds the values, never a reference to them.
 */

/** A signed POST of the versioned JSON payload to an agency's endpoint (Standard Webhooks). */
export interface WebhookDestination {
  readonly id: string;
  readonly type: 'webhook';
  readonly url: string;
  /** The Standard Webhooks secret, `whsec_` and 24 to 64 random bytes in base64. */
  readonly secret: string;
  /** Whether the payload carries the answers PDF (base64). */
  readonly includePdf: boolean;
  /** Each file as a signed download link (`links`, the default), or its bytes in the payload (`inline`). */
  readonly files?: 'links' | 'inline';
  /** How long a file's signed link works (`DEFAULT_WEBHOOK_LINK_MS` unless set). */
  readonly fileLinkMs?: number;
  readonly timeoutMs: number;
}

/** An email with the answers as text and the answers PDF attached, through an SMTP server. */
export interface SmtpDestination {
  readonly id: string;
  readonly type: 'email-smtp';
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS, required unless `allowInsecure`. */
  readonly implicitTls: boolean;
  /** Sends without TLS when the server offers none: only for a relay on the same host or network. */
  readonly allowInsecure: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  readonly from: string;
  readonly to: readonly string[];
  /** The largest answers PDF attached; a larger one is left out and the email says so. */
  readonly attachmentLimitBytes: number;
  /**
   * The most bytes of uploaded files attached to one email (in the answers' order); the rest are
   * links. Undefined: the service's `EMAIL_FILE_ATTACHMENT_LIMIT_KB`.
   */
  readonly fileAttachmentLimitBytes?: number;
  /** How long the links to files not attached work (`DEFAULT_EMAIL_LINK_MS` unless set). */
  readonly fileLinkMs?: number;
  readonly timeoutMs: number;
}

/** An email through GOV.UK Notify (or a service with its API), from a template the agency owns. */
export interface NotifyDestination {
  readonly id: string;
  readonly type: 'notify';
  readonly apiKey: string;
  readonly templateId: string;
  readonly emailAddress: string;
  /** Notify's API; another address only for a service with the same API (GC Notify). */
  readonly baseUrl: string;
  /** Whether the answers PDF goes with the email as Notify's `link_to_file`. */
  readonly includePdf: boolean;
  /** How long the links to uploaded files in `((answers))` work (`DEFAULT_EMAIL_LINK_MS` unless set). */
  readonly fileLinkMs?: number;
  readonly timeoutMs: number;
}

/** Nothing is sent: the agency fetches submissions from the pull API and confirms receipt. */
export interface PullApiDestination {
  readonly id: string;
  readonly type: 'pull-api';
}

export type Destination =
  WebhookDestination | SmtpDestination | NotifyDestination | PullApiDestination;

export type DestinationType = Destination['type'];

/** How long and how often a failed delivery is tried again before it is dead-lettered. */
export interface RetryPolicy {
  /** The delay before the first retry, and the base the delays double from. */
  readonly firstDelayMs: number;
  /** No delay is longer than this. */
  readonly maxDelayMs: number;
  /** Tries go on until this long after the first one; then the delivery is dead. */
  readonly giveUpAfterMs: number;
}

/** The operator's destinations, by id, and the retry policy they share. */
export interface DestinationsConfig {
  readonly destinations: ReadonlyMap<string, Destination>;
  readonly retry: RetryPolicy;
}

/** How long a webhook's file links work unless the destination says: an hour from each try. */
export const DEFAULT_WEBHOOK_LINK_MS = 60 * 60_000;
/** How long an email's file links work unless the destination says: seven days, for people to read it. */
export const DEFAULT_EMAIL_LINK_MS = 7 * 24 * 60 * 60_000;

/** The retry policy when the destinations file gives none: 30 s doubling to an hour, for 24 hours. */
export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  firstDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
});
