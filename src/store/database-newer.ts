import { ServiceError } from '../errors';

/**
 * The database was upgraded by a newer civic-forms than this one: running on it could lose what the
 * newer schema holds, so the service and every command refuse it (`DATABASE_NEWER`).
 */
export class DatabaseNewerError extends ServiceError {
  constructor(where: string, found: number, known: number) {
    super(
      'DATABASE_NEWER',
      `the database ${where} is at schema version ${found}, but this civic-forms knows versions up to ${known}: ` +
        'run the newer civic-forms that upgraded it, or restore a backup taken before the upgrade',
    );
  }
}
