/** The SQLite schema, one migration a step; a step is never edited once released, only added to. */
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
];
