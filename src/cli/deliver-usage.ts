// Apart from the command (src/cli/deliver.ts), which loads the delivery worker: every other
// command, and help, starts without loading it (about 0.3 s of a core a run).
export const DELIVER_USAGE = `Usage: civic-forms deliver [--once]
  Runs the delivery worker on its own: sends the submissions waiting in the outbox to their
  destinations (DESTINATIONS_FILE), retries failures on the schedule, until stopped (Ctrl-C or
  SIGTERM). Any number may run beside the service; each delivery is claimed by one at a time.
  Run the service with DELIVERY_WORKER=false to leave the sending to these.
  --once   try what is due now, then stop (for a scheduler such as cron)`;
