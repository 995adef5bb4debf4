import type { CompiledQuery, Compilable, Kysely, QueryResult } from 'kysely';
import type { DatabaseKind, Db } from './database';
import type { Tables } from './tables';

/**
 * A query of the hot path (a question page's session and draft reads and writes) built and compiled
 * to SQL once per database kind, then run with each call's values: Kysely otherwise builds the query
 * tree and compiles it again on every call. `build` receives stand-ins for the values and must use
 * every value it is given as a query parameter (never in a `where x = null`, which compiles to
 * another operator); the compiled query maps each parameter back to the argument it stands for.
 *
 * @example
 *   const draftById = precompiled((q, id: string) =>
 *     q.selectFrom('drafts').selectAll().where('id', '=', id),
 *   );
 *   const { rows } = await draftById(db, 'a-draft-id');
 */
export function precompiled<A extends unknown[], R>(
  build: (q: Kysely<Tables>, ...values: A) => Compilable<R>,
): (db: Db, ...values: A) => Promise<QueryResult<R>> {
  const compiled = new Map<DatabaseKind, { query: CompiledQuery<R>; positions: number[] }>();
  return (db, ...values) => {
    let known = compiled.get(db.kind);
    if (!known) {
      const marks = values.map((_, i) => `\u0000value ${i}\u0000`);
      const query = build(db.q, ...(marks as A)).compile();
      const positions = query.parameters.map((p) => marks.indexOf(p as string));
      if (positions.some((i) => i < 0)) {
        return Promise.reject(
          new TypeError(`precompiled: a value of this query is not an argument: ${query.sql}`),
        );
      }
      known = { query, positions };
      compiled.set(db.kind, known);
    }
    const { query, positions } = known;
    return db.q.executeQuery<R>({ ...query, parameters: positions.map((i) => values[i]) });
  };
}
