import type { Selectable } from 'kysely';
import type { Db } from './database';
import type { Tables } from './tables';

/** A published version of a form, as stored: immutable once written. */
export interface StoredFormVersion {
  formId: string;
  version: string;
  /** SHA-256 of the definition and its translations (`src/publishing/content-hash.ts`). */
  contentHash: string;
  /** The definition as checked, JSON. */
  definition: string;
  /** The translations by language, JSON: `{ "cy": { ...file... } }`. */
  translations: string;
  publishedAt: number;
}

/** Closing a form: its message by language and the days it takes effect (`YYYY-MM-DD`). */
export interface FormClosure {
  /** The closed page's message, by language; the form's own language at least. */
  message: Readonly<Record<string, string>>;
  /** From this day new journeys see the closed page. */
  closesOn: string;
  /** Until this day (included) journeys already started can still be finished. */
  draftsUntil: string;
}

/** A form's state: its current version, and whether (and how) it is closed. */
export interface FormRelease {
  /** The release's place in the log: the highest one is the catalogue's revision. */
  id: number;
  formId: string;
  version: string;
  closure?: FormClosure;
  at: number;
}

/** What publishing a version did. */
export type PublishOutcome =
  /** Stored and made the form's current version. */
  | 'published'
  /** The same content is the form's current, open version already: nothing changed. */
  | 'unchanged'
  /** The same content was stored before: it is the current version again (and the form open). */
  | 'republished'
  /** This version number holds other content: nothing changed (a version is immutable). */
  | 'version-taken';

/** Published form versions and the log of publishing and closing forms. */
export interface FormVersionRepository {
  /** Stores a version and makes it current, in one transaction; see `PublishOutcome`. */
  publish(version: StoredFormVersion): Promise<PublishOutcome>;
  /** Closes a form's current version; false when the form was never published. */
  unpublish(formId: string, closure: FormClosure, at: number): Promise<boolean>;
  /** The highest release id, 0 when nothing was ever published: one cheap read to poll. */
  revision(): Promise<number>;
  /** Every form's latest release. */
  currentReleases(): Promise<FormRelease[]>;
  /** The form id and version of every stored version, oldest first. */
  versionKeys(): Promise<Array<{ formId: string; version: string }>>;
  getVersion(formId: string, version: string): Promise<StoredFormVersion | undefined>;
}

function toVersion(row: Selectable<Tables['form_versions']>): StoredFormVersion {
  return {
    formId: row.form_id,
    version: row.version,
    contentHash: row.content_hash,
    definition: row.definition,
    translations: row.translations,
    publishedAt: row.published_at,
  };
}

function toRelease(row: Selectable<Tables['form_releases']>): FormRelease {
  return {
    id: Number(row.id),
    formId: row.form_id,
    version: row.version,
    ...(row.action === 'unpublish' && {
      closure: {
        message: JSON.parse(row.message ?? '{}') as Record<string, string>,
        closesOn: row.closes_on ?? '',
        draftsUntil: row.drafts_until ?? row.closes_on ?? '',
      },
    }),
    at: row.at,
  };
}

/** The form-version repository on either database. */
export function formVersionRepository(db: Db): FormVersionRepository {
  const latest = async ({ q }: Db, formId: string) =>
    q
      .selectFrom('form_releases')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  return {
    publish(version) {
      return db.write(async (tx) => {
        const stored = await tx.q
          .selectFrom('form_versions')
          .select('content_hash')
          .where('form_id', '=', version.formId)
          .where('version', '=', version.version)
          .executeTakeFirst();
        if (stored && stored.content_hash !== version.contentHash) return 'version-taken';
        const last = await latest(tx, version.formId);
        if (stored && last?.action === 'publish' && last.version === version.version) {
          return 'unchanged';
        }
        if (!stored) {
          // Processes starting at once may publish the same folder: the first insert wins, and
          // the others find its row (read below) instead of failing on the key.
          const inserted = await tx.q
            .insertInto('form_versions')
            .values({
              form_id: version.formId,
              version: version.version,
              content_hash: version.contentHash,
              definition: version.definition,
              translations: version.translations,
              published_at: version.publishedAt,
            })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
            const theirs = await tx.q
              .selectFrom('form_versions')
              .select('content_hash')
              .where('form_id', '=', version.formId)
              .where('version', '=', version.version)
              .executeTakeFirst();
            return theirs?.content_hash === version.contentHash ? 'unchanged' : 'version-taken';
          }
        }
        await tx.q
          .insertInto('form_releases')
          .values({
            form_id: version.formId,
            action: 'publish',
            version: version.version,
            message: null,
            closes_on: null,
            drafts_until: null,
            at: version.publishedAt,
          })
          .execute();
        return stored ? 'republished' : 'published';
      });
    },
    unpublish(formId, closure, at) {
      return db.write(async (tx) => {
        const last = await latest(tx, formId);
        if (!last) return false;
        await tx.q
          .insertInto('form_releases')
          .values({
            form_id: formId,
            action: 'unpublish',
            version: last.version,
            message: JSON.stringify(closure.message),
            closes_on: closure.closesOn,
            drafts_until: closure.draftsUntil,
            at,
          })
          .execute();
        return true;
      });
    },
    async revision() {
      const row = await db.q
        .selectFrom('form_releases')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
    async currentReleases() {
      const rows = await db.q
        .selectFrom('form_releases')
        .selectAll()
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('form_releases')
            .select((e) => e.fn.max('id').as('id'))
            .groupBy('form_id'),
        )
        .orderBy('form_id')
        .execute();
      return rows.map(toRelease);
    },
    async versionKeys() {
      const rows = await db.q
        .selectFrom('form_versions')
        .select(['form_id', 'version'])
        .orderBy('published_at')
        .orderBy('form_id')
        .orderBy('version')
        .execute();
      return rows.map((r) => ({ formId: r.form_id, version: r.version }));
    },
    async getVersion(formId, version) {
      const row = await db.q
        .selectFrom('form_versions')
        .selectAll()
        .where('form_id', '=', formId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row ? toVersion(row) : undefined;
    },
  };
}
