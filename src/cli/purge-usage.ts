// Apart from the command (src/cli/purge.ts), which loads the clean-up's steps (the KPI recorder,
// retention, the blob stores): every other command, and help, starts without loading them.
export const PURGE_USAGE = `Usage: civic-forms purge
  Deletes expired data now, as the server does every PURGE_INTERVAL_MINUTES: expired sessions, resume
  codes past RESUME_EXPIRY_DAYS with their saved answers (each counted as not completed in the
  figures), drafts no code or session reaches that were left untouched that long, counts of failed
  sign-ins older than the throttle's window, with SUBMISSION_RETENTION_DAYS the submissions every
  destination has had that long, and uploaded files nothing holds any more.`;
