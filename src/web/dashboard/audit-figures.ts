import type { Request, Response } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import type { Store } from '../../store/store';
import { auditRequest } from '../caseworker/audit-request';
import type { DashboardFilter } from './filter';

/** Which figures were seen or taken away: the form (none for the list of every form), the filters. */
export interface FiguresShown {
  action: 'view-figures' | 'export-figures';
  formId?: string;
  filter: Pick<DashboardFilter, 'from' | 'to'>;
  version?: string;
  format?: 'csv' | 'json';
}

/**
 * Records in the audit trail that a member of the service team viewed or exported figures: the
 * form, the dates and version chosen and the file's format (`csv 2025-03-01..2025-03-30 version
 * 1.1`). Never a figure, and the figures never hold an answer.
 */
export function auditFigures(
  store: Store,
  req: Request,
  res: Response,
  shown: FiguresShown,
): Promise<void> {
  const detail = [
    shown.format,
    `${shown.filter.from}..${shown.filter.to}`,
    shown.version ? `version ${shown.version}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return auditRequest(store, req, {
    action: shown.action,
    actor: res.locals.principal as Principal,
    target: shown.formId,
    detail,
  });
}
