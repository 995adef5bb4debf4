/**
 * The PostgreSQL schema, one migration a step; a step is never edited once released, only added to.
 * `schema_version` holds how many steps were applied. Times are BIGINT milliseconds since the epoch,
 * as in SQLite, so both databases give the service the same values.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    user_id TEXT
  );
  CREATE INDEX sessions_expires_at ON sessions (expires_at);
  CREATE INDEX sessions_user_id ON sessions (user_id);
  CREATE TABLE session_drafts (
    session_id TEXT NOT NULL,
    draft_id TEXT NOT NULL,
    PRIMARY KEY (session_id, draft_id)
  );
  CREATE INDEX session_drafts_draft ON session_drafts (draft_id);

  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    answers TEXT NOT NULL,
    done TEXT NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    caseworker_id TEXT,
    received_on TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX drafts_updated_at ON drafts (updated_at);

  CREATE TABLE submissions (
    reference TEXT PRIMARY KEY,
    transaction_id TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    answers TEXT NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    caseworker_id TEXT,
    received_on TEXT
  );
  CREATE INDEX submissions_form ON submissions (form_id, submitted_at);

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL
      CHECK (role IN ('caseworker', 'service-team', 'agency-admin', 'platform-admin')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  -- Usernames are unique whatever their case, as SQLite's COLLATE NOCASE makes them.
  CREATE UNIQUE INDEX users_username ON users (lower(username));

  CREATE TABLE sign_in_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT NOT NULL
  );

  CREATE TABLE audit_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    actor_username TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    client_ip TEXT,
    user_agent TEXT
  );
  CREATE INDEX audit_events_target ON audit_events (target, id);
  CREATE INDEX audit_events_at ON audit_events (at);
  CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;
  CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
  CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

  CREATE TABLE resume_codes (
    code_digest TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    secret_kind TEXT NOT NULL,
    secret_salt TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    first_saved_at BIGINT NOT NULL,
    saved_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    resume_count INTEGER NOT NULL DEFAULT 0,
    last_resumed_at BIGINT
  );
  CREATE INDEX resume_codes_expires_at ON resume_codes (expires_at);

  CREATE TABLE resume_attempts (
    subject TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locks INTEGER NOT NULL,
    last_tried_at BIGINT NOT NULL,
    locked_until BIGINT NOT NULL
  );

  CREATE TABLE journey_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN
      ('start', 'page', 'answer', 'error', 'save', 'resume', 'exit', 'submit', 'expired')),
    page_key TEXT,
    question_id TEXT,
    error_code TEXT,
    channel TEXT NOT NULL CHECK (channel IN ('online', 'phone', 'phone-assisted', 'paper')),
    language TEXT NOT NULL,
    js INTEGER CHECK (js IN (0, 1)),
    device TEXT NOT NULL CHECK (device IN ('mobile', 'tablet', 'desktop', 'unknown'))
  );
  CREATE INDEX journey_events_form_at ON journey_events (form_id, at);
  CREATE INDEX journey_events_journey ON journey_events (journey_id, at);

  CREATE TABLE satisfaction (
    id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    channel TEXT NOT NULL,
    language TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5)
  );
  CREATE INDEX satisfaction_form_day ON satisfaction (form_id, day);

  CREATE TABLE feedback_comments (
    id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    form_id TEXT NOT NULL,
    language TEXT NOT NULL,
    comment TEXT NOT NULL
  );
  CREATE INDEX feedback_comments_form_day ON feedback_comments (form_id, day);

  CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until BIGINT NOT NULL
  );
  `,
  // Issue 13: the outbox (one row per submission and destination, written in the submission's
  // transaction), pull API keys and the receipts agencies give.
  `
  CREATE TABLE deliveries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference TEXT NOT NULL REFERENCES submissions (reference) ON DELETE CASCADE,
    form_id TEXT NOT NULL,
    destination TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('send', 'pull')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try_at BIGINT,
    claimed_by TEXT,
    claimed_until BIGINT,
    first_tried_at BIGINT,
    last_tried_at BIGINT,
    last_error TEXT,
    delivered_at BIGINT,
    webhook_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- The writing transaction's id: the pull API's cursor orders by it and shows a row only once
    -- every older transaction has ended, so a slow commit is never skipped.
    xact BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    UNIQUE (reference, destination)
  );
  CREATE INDEX deliveries_due ON deliveries (status, next_try_at);
  CREATE INDEX deliveries_pull ON deliveries (form_id, destination, xact, id);

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    forms TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_used_at BIGINT
  );

  CREATE TABLE receipts (
    reference TEXT PRIMARY KEY REFERENCES submissions (reference) ON DELETE CASCADE,
    api_key_id TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  `,
];
