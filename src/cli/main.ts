import { ConfigError } from '../config';
import { apiKeys, API_KEYS_USAGE } from './api-keys';
import { audit, AUDIT_USAGE } from './audit';
import { newForm, NEW_USAGE } from './new-form';
import { withConfiguredStore } from './cli-store';
import { migrate, migrateData, MIGRATE_DATA_USAGE, MIGRATE_USAGE } from './migrate';
import { deploymentAgencies } from './deployment-agencies';
import { DELIVER_USAGE } from './deliver-usage';
import { deliveries, DELIVERIES_USAGE } from './deliveries';
import { publish, PUBLISH_USAGE } from './publish';
import { PURGE_USAGE } from './purge-usage';
import { unpublish, UNPUBLISH_USAGE } from './unpublish';
import { readNewPassword } from './read-password';
import { users, USERS_USAGE, type CommandIo } from './users';
import { validate, VALIDATE_USAGE } from './validate';
import { wantsHelp } from './wants-help';

/** The terminal: results on standard output, problems and prompts on standard error. */
const terminal: CommandIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  readPassword: () => readNewPassword(),
};

interface Command {
  usage: string;
  run(args: string[]): number | Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  new: {
    usage: NEW_USAGE,
    run: (args) => {
      try {
        return newForm(args, terminal);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        terminal.err(error.message);
        return 1;
      }
    },
  },
  validate: {
    usage: VALIDATE_USAGE,
    run: (args) => {
      try {
        return validate(args, terminal);
      } catch (error) {
        // A bad environment is the operator's to fix: say what is wrong, without a stack trace.
        if (!(error instanceof ConfigError)) throw error;
        terminal.err(error.message);
        return 1;
      }
    },
  },
  publish: {
    usage: PUBLISH_USAGE,
    run: (args) => withConfiguredStore((store) => publish(store, args, terminal), terminal.err),
  },
  unpublish: {
    usage: UNPUBLISH_USAGE,
    run: (args) => withConfiguredStore((store) => unpublish(store, args, terminal), terminal.err),
  },
  users: {
    usage: USERS_USAGE,
    run: (args) =>
      withConfiguredStore(
        (store) => users(store, args, terminal, deploymentAgencies()?.agencyIds),
        terminal.err,
      ),
  },
  audit: {
    usage: AUDIT_USAGE,
    run: (args) => withConfiguredStore((store) => audit(store, args, terminal), terminal.err),
  },
  purge: {
    usage: PURGE_USAGE,
    run: (args) => {
      // Loaded only for this command, with require as 'deliver' is (see below).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { purge } = require('./purge') as typeof import('./purge');
      return withConfiguredStore((store) => purge(store, args, terminal), terminal.err);
    },
  },
  migrate: {
    usage: MIGRATE_USAGE,
    run: (args) => withConfiguredStore((store) => migrate(store, args, terminal), terminal.err),
  },
  'migrate-data': {
    usage: MIGRATE_DATA_USAGE,
    run: (args) => withConfiguredStore((store) => migrateData(store, args, terminal), terminal.err),
  },
  'api-keys': {
    usage: API_KEYS_USAGE,
    run: (args) =>
      withConfiguredStore(
        (store) => apiKeys(store, args, terminal, deploymentAgencies()),
        terminal.err,
      ),
  },
  deliveries: {
    usage: DELIVERIES_USAGE,
    run: (args) =>
      withConfiguredStore(
        (store) => deliveries(store, args, terminal, deploymentAgencies()),
        terminal.err,
      ),
  },
  deliver: {
    usage: DELIVER_USAGE,
    run: (args) => {
      // Loaded only for this command (see deliver-usage.ts). With require, not import(): from a
      // source checkout the CLI runs under tsx's require hook, and import() would not find a .ts file.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { deliverCommand } = require('./deliver') as typeof import('./deliver');
      return withConfiguredStore((store) => deliverCommand(store, args, terminal), terminal.err);
    },
  },
};

export const USAGE = `civic-forms: public services from JSON form definitions.

Usage: civic-forms <command> [arguments]
       civic-forms <command> --help     what one command does (-h too)

Commands:
  new        write a small valid form to start from, with its translation files
  validate   check form definitions and their translations, as the service does when it starts
  publish    check form definitions and store them as new versions; running services serve them
  unpublish  close a form, with a message, keeping journeys already started open until a deadline
  users      add, disable, enable and list staff accounts, reset a password, change a role
  audit      print the audit trail
  purge      delete expired sessions, saved drafts and resume codes now
  migrate    bring the database's schema up to this version (the service also does on start)
  migrate-data  copy a SQLite deployment's data into PostgreSQL (DATABASE_URL)
  api-keys   add, list and revoke the pull API's keys
  deliveries list the outbox's deliveries, retry dead ones
  deliver    run the delivery worker on its own (send submissions to their destinations)

Starting the service (this command line does not serve pages):
  npm start               in a copy of civic-forms: builds, then runs node dist/server.js
  node dist/server.js     runs a build, e.g. under systemd or in a container
  It reads its settings from the environment; the main ones:
    PORT=3000  HOST=0.0.0.0       where it listens
    NODE_ENV=production           Secure cookies; SESSION_SECRET and BASE_URL must then be set
    SESSION_SECRET=...            at least 32 characters, signs session cookies; never commit it
    FORMS_DIR=forms               the form definitions it serves (it will not start if one is invalid)
    DATA_DIR=data                 the folder of its SQLite database (the default store)
    DATABASE_URL=postgres://...   PostgreSQL instead of SQLite, for many processes
    WORKERS=2                     processes to run (PostgreSQL only)
    BASE_URL=https://...          the public address, for links in emails and on paper forms
    TRUST_PROXY=1                 behind one load balancer: believe the address it appends
    LOG_LEVEL=info                fatal, error, warn, info, debug, trace or silent
  Every setting is described in docs/configuration.md.

${NEW_USAGE}
${VALIDATE_USAGE}
${PUBLISH_USAGE}
${UNPUBLISH_USAGE}
${USERS_USAGE}
${AUDIT_USAGE}
${PURGE_USAGE}
${MIGRATE_USAGE}
${MIGRATE_DATA_USAGE}
${API_KEYS_USAGE}
${DELIVERIES_USAGE}
${DELIVER_USAGE}`;

/**
 * Runs the command line and returns the exit code: 0 done (or help shown), 1 failed, 2 not
 * understood. Help goes to standard output; a usage shown because of a mistake, to standard error.
 */
export function main(argv: string[]): number | Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    terminal.out(USAGE);
    return 0;
  }
  if (name === 'help') {
    const topic = rest[0];
    const command = topic !== undefined && Object.hasOwn(COMMANDS, topic) && COMMANDS[topic];
    if (topic !== undefined && !command) {
      terminal.err(`There is no command "${topic}".`);
      terminal.err(USAGE);
      return 2;
    }
    terminal.out(command ? command.usage : USAGE);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    terminal.err(`There is no command "${name}".`);
    terminal.err(USAGE);
    return 2;
  }
  // Before the database opens: asking how a command works needs no settings and changes nothing.
  if (wantsHelp(rest)) {
    terminal.out(command.usage);
    return 0;
  }
  return command.run(rest);
}
