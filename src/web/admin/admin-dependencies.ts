import type { RequestHandler } from 'express';
import type { i18n } from 'i18next';
import type { Agencies } from '../../agency/agencies';
import type { FormDefinition } from '../../definition/types';
import type { Role } from '../../store/accounts';
import type { Store } from '../../store/store';
import type { Render } from '../render';

/** What the administration pages (`/admin`) need. */
export interface AdminDependencies {
  forms: ReadonlyMap<string, FormDefinition>;
  agencies: Agencies;
  store: Store;
  render: Render;
  i18n: i18n;
  /** The staff areas' guard: `createRequireRole(...)`. */
  requireRole: (...roles: Role[]) => RequestHandler;
  /** Minutes without a request before a staff sign-in ends: the pages warn before then. */
  idleMinutes: number;
  /** The clock, for tests; `Date.now` by default. */
  now?: () => number;
  /** Writes the journey events still waiting in memory, so the overview's figures are current. */
  flush?: () => Promise<void>;
}
