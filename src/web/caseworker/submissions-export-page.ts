import type { Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { submissionsCsv } from '../../delivery/submissions-csv';
import { submissionsJson } from '../../delivery/submissions-json';
import { webhookPayload } from '../../delivery/webhook-payload';
import { translator } from '../i18n';
import { tOf } from '../render';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { dateFilter, formPagesUrl, routeForm } from './submission-list-page';

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/**
 * A form's submissions for the dates chosen, as a CSV or JSON file
 * (`/caseworker/forms/{formId}/export`): the page asks for the dates and the format, and the
 * same address with `format` sends the file. Each export is audited (the dates and the format,
 * never an answer).
 */
export function addSubmissionsExportPage(router: Router, deps: CaseworkerDependencies): void {
  router.get('/forms/:formId/export', async (req, res) => {
    const { source, form } = routeForm(deps, req, res);
    const t = tOf(res, deps);
    const asked = req.query.format;
    const format = FORMATS.includes(asked as Format) ? (asked as Format) : undefined;
    // The page's first visit has no dates yet: it shows the last 30 days, without an error.
    const filter = dateFilter(deps, req, res);
    const formatError =
      asked !== undefined && !format
        ? { text: t('caseworker:export.formatRequired'), href: '#format' }
        : undefined;
    const errors = [...filter.errors, ...(formatError ? [formatError] : [])];
    if (format && errors.length === 0) {
      const submissions = await deps.store.journeys.submissionsBetween(
        source.id,
        filter.period.from,
        filter.period.to,
      );
      // The form's own language, as webhooks send it: one file reads the same whoever made it.
      const payloads = submissions.map((submission) => webhookPayload(source, submission));
      await auditRequest(deps.store, req, {
        action: 'export-submissions',
        actor: res.locals.principal as Principal,
        target: source.id,
        detail: `${format} ${filter.from}..${filter.to} ${payloads.length}`,
      });
      const name = `${source.id}-submissions-${filter.from}-to-${filter.to}.${format}`;
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      if (format === 'json') {
        return res.type('application/json; charset=utf-8').send(submissionsJson(payloads));
      }
      const csv = submissionsCsv(source, payloads, translator(deps.i18n, source.language));
      return res.type('text/csv; charset=utf-8').send(csv);
    }
    renderCaseworker(
      deps,
      req,
      res,
      'submissions-export.njk',
      {
        pageTitle: t('caseworker:export.title'),
        formTitle: form.title,
        action: `${formPagesUrl(source.id)}/export`,
        listHref: `${formPagesUrl(source.id)}/submissions`,
        errors,
        filterQuestions: filter.questions,
        formatError: formatError?.text,
        formats: FORMATS.map((value) => ({
          value,
          text: t(`caseworker:export.${value}`),
          checked: value === (format ?? 'csv'),
        })),
      },
      errors.length ? 400 : 200,
    );
  });
}
