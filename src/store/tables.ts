import type { Generated } from 'kysely';

/**
 * The tables as both databases hold them, for Kysely's typed queries. Times are milliseconds since
 * the epoch (INTEGER in SQLite, BIGINT in PostgreSQL); answers and other structures are JSON text.
 */
export interface Tables {
  sessions: {
    id: string;
    data: string;
    expires_at: number;
    /** The staff account signed in with this session, so its sign-ins can be ended. */
    user_id: string | null;
  };
  /** Which drafts a live session holds: the clean-up keeps those. */
  session_drafts: { session_id: string; draft_id: string };
  drafts: {
    id: string;
    form_id: string;
    form_version: string;
    answers: string;
    done: string;
    language: string;
    channel: string;
    caseworker_id: string | null;
    received_on: string | null;
    created_at: number;
    updated_at: number;
  };
  submissions: {
    reference: string;
    transaction_id: string;
    form_id: string;
    form_version: string;
    answers: string;
    language: string;
    channel: string;
    submitted_at: number;
    caseworker_id: string | null;
    received_on: string | null;
  };
  users: {
    id: string;
    username: string;
    display_name: string;
    role: string;
    /** The agency the account belongs to; `default` for accounts from before agencies. */
    agency: string;
    password_hash: string;
    disabled: number;
    created_at: number;
    updated_at: number;
  };
  sign_in_failures: { key: string; failures: number; window_start: number; locked_until: number };
  audit_events: {
    id: Generated<number>;
    at: number;
    actor_id: string | null;
    actor_username: string;
    action: string;
    target: string | null;
    detail: string | null;
    client_ip: string | null;
    user_agent: string | null;
    /** The agency whose data or staff the action was on; null for the platform as a whole. */
    agency: string | null;
  };
  resume_codes: {
    code_digest: string;
    draft_id: string;
    form_id: string;
    secret_kind: string;
    secret_salt: string;
    secret_hash: string;
    first_saved_at: number;
    saved_at: number;
    expires_at: number;
    resume_count: Generated<number>;
    last_resumed_at: number | null;
  };
  resume_attempts: {
    subject: string;
    failures: number;
    locks: number;
    last_tried_at: number;
    locked_until: number;
  };
  journey_events: {
    id: Generated<number>;
    at: number;
    form_id: string;
    form_version: string;
    journey_id: string;
    type: string;
    page_key: string | null;
    question_id: string | null;
    error_code: string | null;
    channel: string;
    language: string;
    js: number | null;
    device: string;
  };
  satisfaction: {
    id: string;
    day: string;
    form_id: string;
    form_version: string;
    channel: string;
    language: string;
    rating: number;
  };
  feedback_comments: {
    id: string;
    day: string;
    form_id: string;
    language: string;
    comment: string;
  };
  /** A periodic job's lease: one process runs it per interval, whichever claims it first. */
  job_leases: { name: string; holder: string; until: number };
  /**
   * The outbox: one row per submission and destination, written in the submission's transaction.
   * `kind` is `send` (the worker delivers it) or `pull` (delivered when the agency gives a receipt).
   */
  deliveries: {
    id: Generated<number>;
    reference: string;
    form_id: string;
    destination: string;
    kind: 'send' | 'pull';
    status: 'pending' | 'delivered' | 'dead';
    attempts: number;
    next_try_at: number | null;
    claimed_by: string | null;
    claimed_until: number | null;
    first_tried_at: number | null;
    last_tried_at: number | null;
    last_error: string | null;
    delivered_at: number | null;
    webhook_id: string;
    created_at: number;
    /** Commit order for the pull API's cursor (PostgreSQL: the writing transaction's id). */
    xact: Generated<number>;
  };
  /** Pull API keys: only the SHA-256 of each key is kept, with the forms it may read (JSON). */
  api_keys: {
    id: string;
    name: string;
    hash: string;
    hint: string;
    forms: string;
    /** The agency whose forms the key reads; null for a key made before agencies. */
    agency: string | null;
    created_at: number;
    revoked_at: number | null;
    last_used_at: number | null;
  };
  /** The first receipt an agency gave for a submission through the pull API. */
  receipts: { reference: string; api_key_id: string; at: number };
  /** A published form version, immutable: its definition and translations as JSON text. */
  form_versions: {
    form_id: string;
    version: string;
    content_hash: string;
    definition: string;
    translations: string;
    published_at: number;
  };
  /**
   * The append-only log of publishing (a version becomes the form's current one) and closing a
   * form; a form's last row is its state, and the highest id tells a process something changed.
   */
  form_releases: {
    id: Generated<number>;
    form_id: string;
    action: 'publish' | 'unpublish';
    version: string;
    /** JSON: the closed page's message by language. */
    message: string | null;
    closes_on: string | null;
    drafts_until: string | null;
    at: number;
  };
  /**
   * Uploaded files kept in the database (the database blob store): one row per file, its bytes in
   * `upload_blob_chunks` in order. `sealed` is 1 when the bytes are encrypted (UPLOADS_KEY).
   */
  upload_blobs: { key: string; stored_at: number; size: number; chunks: number; sealed: number };
  /** A file's bytes in pieces of at most 1 MiB (`seq` from 0), so no value is huge. */
  upload_blob_chunks: { blob_key: string; seq: number; bytes: Buffer };
}
