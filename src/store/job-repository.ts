import type { Db } from './database';

/** Leases that let one of N processes run a periodic job per interval. */
export interface JobRepository {
  /**
   * Claims the job `name` for `holder` until `until`: true when no other holder's lease is still
   * running at `now` (a holder renews its own). Atomic across processes.
   */
  claimJob(name: string, holder: string, now: number, until: number): Promise<boolean>;
}

/** The job-lease repository on either database. */
export function jobRepository(db: Db): JobRepository {
  return {
    async claimJob(name, holder, now, until) {
      const result = await db.q
        .insertInto('job_leases')
        .values({ name, holder, until })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, until })
            .where((eb) =>
              eb.or([eb('job_leases.until', '<=', now), eb('job_leases.holder', '=', holder)]),
            ),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
  };
}
