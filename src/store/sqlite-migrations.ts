/**
 * The SQLite schema, one migration a step; a step is never edited once released, only added to.
 * The database's `user_version` is the number of steps applied.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_expires_at ON sessions (expires_at);

  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    answers TEXT NOT NULL,
    done TEXT NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE submissions (
    reference TEXT PRIMARY KEY,
    transaction_id TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    answers TEXT NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    submitted_at TEXT NOT NULL
  );
  CREATE INDEX submissions_form ON submissions (form_id, submitted_at);
  `,
  // Staff accounts, sign-in throttling and the append-only audit trail (the caseworker area).
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('caseworker', 'service-team')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE sign_in_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER NOT NULL
  );

  CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
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
  CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
  CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
  `,
  // Save and return: resume codes (a keyed digest, never the code) and wrong-try counts.
  `
  CREATE TABLE resume_codes (
    code_digest TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    secret_kind TEXT NOT NULL,
    secret_salt TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    first_saved_at INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    resume_count INTEGER NOT NULL DEFAULT 0,
    last_resumed_at INTEGER
  );
  CREATE INDEX resume_codes_expires_at ON resume_codes (expires_at);

  CREATE TABLE resume_attempts (
    subject TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locks INTEGER NOT NULL,
    last_tried_at INTEGER NOT NULL,
    locked_until INTEGER NOT NULL
  );
  `,
  // Journey events, satisfaction ratings and feedback comments (the KPIs; see docs/kpis.md).
  `
  CREATE TABLE journey_events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
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
  ) WITHOUT ROWID;
  CREATE INDEX satisfaction_form_day ON satisfaction (form_id, day);

  CREATE TABLE feedback_comments (
    id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    form_id TEXT NOT NULL,
    language TEXT NOT NULL,
    comment TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX feedback_comments_form_day ON feedback_comments (form_id, day);
  `,
  // Transactions staff fill in: the caseworker's account, and when a paper form was received.
  `
  ALTER TABLE drafts ADD COLUMN caseworker_id TEXT;
  ALTER TABLE drafts ADD COLUMN received_on TEXT;
  ALTER TABLE submissions ADD COLUMN caseworker_id TEXT;
  ALTER TABLE submissions ADD COLUMN received_on TEXT;
  `,
  // One time type (milliseconds since the epoch) in every table; columns for what SQL must find
  // (a session's staff account and drafts) instead of reading session JSON; leases for periodic jobs.
  `
  CREATE TABLE drafts_new (
    id TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    answers TEXT NOT NULL,
    done TEXT NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    caseworker_id TEXT,
    received_on TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  INSERT INTO drafts_new SELECT id, form_id, form_version, answers, done, language, channel,
    caseworker_id, received_on, CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER), CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000.0) AS INTEGER) FROM drafts;
  DROP TABLE drafts;
  ALTER TABLE drafts_new RENAME TO drafts;
  CREATE INDEX drafts_updated_at ON drafts (updated_at);

  CREATE TABLE submissions_new (
    reference TEXT PRIMARY KEY,
    transaction_id TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    answers TEXT NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    caseworker_id TEXT,
    received_on TEXT
  );
  INSERT INTO submissions_new SELECT reference, transaction_id, form_id, form_version, answers,
    language, channel, CAST(ROUND((julianday(submitted_at) - 2440587.5) * 86400000.0) AS INTEGER), caseworker_id, received_on FROM submissions;
  DROP TABLE submissions;
  ALTER TABLE submissions_new RENAME TO submissions;
  CREATE INDEX submissions_form ON submissions (form_id, submitted_at);

  CREATE TABLE users_new (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL
      CHECK (role IN ('caseworker', 'service-team', 'agency-admin', 'platform-admin')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  INSERT INTO users_new SELECT id, username, display_name, role, password_hash, disabled,
    CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER), CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000.0) AS INTEGER) FROM users;
  DROP TABLE users;
  ALTER TABLE users_new RENAME TO users;

  CREATE TABLE audit_events_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor_id TEXT,
    actor_username TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    client_ip TEXT,
    user_agent TEXT
  );
  INSERT INTO audit_events_new SELECT id, CAST(ROUND((julianday(at) - 2440587.5) * 86400000.0) AS INTEGER), actor_id, actor_username, action, target,
    detail, client_ip, user_agent FROM audit_events ORDER BY id;
  DROP TABLE audit_events;
  ALTER TABLE audit_events_new RENAME TO audit_events;
  CREATE INDEX audit_events_target ON audit_events (target, id);
  CREATE INDEX audit_events_at ON audit_events (at);
  CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
  CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

  ALTER TABLE sessions ADD COLUMN user_id TEXT;
  CREATE INDEX sessions_user_id ON sessions (user_id);
  CREATE TABLE session_drafts (
    session_id TEXT NOT NULL,
    draft_id TEXT NOT NULL,
    PRIMARY KEY (session_id, draft_id)
  ) WITHOUT ROWID;
  CREATE INDEX session_drafts_draft ON session_drafts (draft_id);
  -- Sessions from before this step: the last time SQL reads their JSON.
  UPDATE sessions SET user_id = json_extract(data, '$.caseworker.principal.id') WHERE json_valid(data);
  INSERT OR IGNORE INTO session_drafts (session_id, draft_id)
    SELECT s.id, j.value FROM sessions s, json_each(s.data, '$.journeys') j
    WHERE json_valid(s.data) AND json_type(s.data, '$.journeys') = 'object';
  INSERT OR IGNORE INTO session_drafts (session_id, draft_id)
    SELECT s.id, j.value FROM sessions s, json_each(s.data, '$.caseworkerJourneys') j
    WHERE json_valid(s.data) AND json_type(s.data, '$.caseworkerJourneys') = 'object';

  CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until INTEGER NOT NULL
  );
  `,
  // Issue 13: the outbox (one row per submission and destination, written in the submission's
  // transaction), pull API keys and the receipts agencies give.
  `
  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL REFERENCES submissions (reference) ON DELETE CASCADE,
    form_id TEXT NOT NULL,
    destination TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('send', 'pull')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try_at INTEGER,
    claimed_by TEXT,
    claimed_until INTEGER,
    first_tried_at INTEGER,
    last_tried_at INTEGER,
    last_error TEXT,
    delivered_at INTEGER,
    webhook_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- Commit order for the pull API's cursor: SQLite has one writer, so the id alone orders commits.
    xact INTEGER NOT NULL DEFAULT 0,
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
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER
  );

  CREATE TABLE receipts (
    reference TEXT PRIMARY KEY REFERENCES submissions (reference) ON DELETE CASCADE,
    api_key_id TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  `,
  // Issue 14: published form versions, immutable (a definition and its translations, identified by
  // the hash of their content), and the append-only log of publishing and closing each form. The
  // log's highest id is the counter every process polls to see that something was published.
  `
  CREATE TABLE form_versions (
    form_id TEXT NOT NULL,
    version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    definition TEXT NOT NULL,
    translations TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (form_id, version),
    UNIQUE (form_id, content_hash)
  );

  CREATE TABLE form_releases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    form_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('publish', 'unpublish')),
    version TEXT NOT NULL,
    message TEXT,
    closes_on TEXT,
    drafts_until TEXT,
    at INTEGER NOT NULL,
    FOREIGN KEY (form_id, version) REFERENCES form_versions (form_id, version)
  );
  CREATE INDEX form_releases_form ON form_releases (form_id, id);
  CREATE TRIGGER form_versions_no_update BEFORE UPDATE ON form_versions
  BEGIN SELECT RAISE(ABORT, 'form_versions is immutable'); END;
  CREATE TRIGGER form_versions_no_delete BEFORE DELETE ON form_versions
  BEGIN SELECT RAISE(ABORT, 'form_versions is immutable'); END;
  CREATE TRIGGER form_releases_no_update BEFORE UPDATE ON form_releases
  BEGIN SELECT RAISE(ABORT, 'form_releases is append-only'); END;
  CREATE TRIGGER form_releases_no_delete BEFORE DELETE ON form_releases
  BEGIN SELECT RAISE(ABORT, 'form_releases is append-only'); END;
  `,
  // Issue 13: retention finds submissions whose every delivery was done before a time.
  `
  CREATE INDEX deliveries_delivered ON deliveries (status, delivered_at);
  `,
  // Issue 15: staff belong to agencies. Accounts from before agencies, like the forms no agency
  // lists, are the default agency's; audit lines from before are too. Pull API keys name the
  // agency whose forms they read (null for keys made before: see docs/agencies.md).
  `
  ALTER TABLE users ADD COLUMN agency TEXT NOT NULL DEFAULT 'default';
  CREATE INDEX users_agency ON users (agency, username);
  ALTER TABLE audit_events ADD COLUMN agency TEXT DEFAULT 'default';
  CREATE INDEX audit_events_agency ON audit_events (agency, id);
  ALTER TABLE api_keys ADD COLUMN agency TEXT;
  `,
  // Issue 14: "no fixed address" counted on the dashboard: a journey event of its own, the fact
  // only (docs/kpis.md). SQLite cannot change a CHECK, so the table is rebuilt.
  `
  CREATE TABLE journey_events_new (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN
      ('start', 'page', 'answer', 'error', 'save', 'resume', 'exit', 'submit', 'expired',
       'no-fixed-address')),
    page_key TEXT,
    question_id TEXT,
    error_code TEXT,
    channel TEXT NOT NULL CHECK (channel IN ('online', 'phone', 'phone-assisted', 'paper')),
    language TEXT NOT NULL,
    js INTEGER CHECK (js IN (0, 1)),
    device TEXT NOT NULL CHECK (device IN ('mobile', 'tablet', 'desktop', 'unknown'))
  );
  INSERT INTO journey_events_new SELECT id, at, form_id, form_version, journey_id, type, page_key,
    question_id, error_code, channel, language, js, device FROM journey_events;
  DROP TABLE journey_events;
  ALTER TABLE journey_events_new RENAME TO journey_events;
  CREATE INDEX journey_events_form_at ON journey_events (form_id, at);
  CREATE INDEX journey_events_journey ON journey_events (journey_id, at);
  `,
  // Issue 16: uploaded files in the database, so N processes share them without a shared disk.
  `
  CREATE TABLE upload_blobs (
    key TEXT PRIMARY KEY,
    stored_at INTEGER NOT NULL,
    size INTEGER NOT NULL,
    chunks INTEGER NOT NULL,
    sealed INTEGER NOT NULL
  );
  CREATE INDEX upload_blobs_stored ON upload_blobs (stored_at);
  CREATE TABLE upload_blob_chunks (
    blob_key TEXT NOT NULL REFERENCES upload_blobs (key) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (blob_key, seq)
  );
  `,
];
