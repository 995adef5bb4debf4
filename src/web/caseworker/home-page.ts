import type { Request, Response, Router } from 'express';
import { agencyForms, isAgencyForm } from '../../agency/staff-scope';
import type { Principal } from '../../caseworker/authenticator';
import { readTypedReference } from '../../caseworker/typed-reference';
import { languagesOf, localise } from '../../definition/translation';
import { escapeHtml } from '../escape-html';
import { langOf, tOf } from '../render';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { consentUrl } from './consent-page';
import { PAPER_BASE } from './paper-start-page';

/** A link whose visible words are short, with the rest for screen readers (the form's name). */
function link(href: string, shown: string, hidden: string, lang?: string): string {
  const words = lang ? `<span lang="${lang}">${escapeHtml(shown)}</span>` : escapeHtml(shown);
  return `<a class="govuk-link" href="${escapeHtml(href)}">${words}<span class="govuk-visually-hidden"> ${escapeHtml(hidden)}</span></a>`;
}

/**
 * The forms the service offers, in the page's language: version, a link to start the form for a
 * caller in each of its languages (named in that language), and a link to key in a paper copy.
 */
function formRows(deps: CaseworkerDependencies, res: Response) {
  const lang = langOf(res);
  const t = tOf(res, deps);
  const { agency } = res.locals.principal as Principal;
  return agencyForms(deps.forms, deps.agencies, agency).map((source) => {
    const languages = languagesOf(source);
    const form = localise(source, languages.includes(lang) ? lang : source.language);
    const hidden = t('caseworker:home.startHidden', { form: form.title });
    const starts = languages.map((code) =>
      link(consentUrl(form.id, code), t(`language.${code}`), hidden, code),
    );
    const paper = t('caseworker:home.keyInHidden', { form: form.title });
    return [
      { text: form.title },
      { text: form.version },
      { html: starts.join(', ') },
      { html: link(`${PAPER_BASE}/${form.id}`, t('caseworker:home.keyIn'), paper) },
    ];
  });
}

function renderHome(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
  search: { reference?: string; error?: string; status?: number } = {},
) {
  const t = tOf(res, deps);
  renderCaseworker(
    deps,
    req,
    res,
    'home.njk',
    {
      pageTitle: t('caseworker:home.title'),
      reference: search.reference,
      // Focus on arrival: see "The home page" in docs/caseworker.md for why this staff tool does it.
      // After a failed search the error summary takes the focus instead.
      autofocus: !search.error,
      fieldErrors: { reference: search.error },
      errors: search.error ? [{ text: search.error, href: '#reference' }] : [],
      formRows: formRows(deps, res),
    },
    search.status,
  );
}

/** The caseworker home (find a submission by reference; the forms offered) and the search. */
export function addHomePage(router: Router, deps: CaseworkerDependencies): void {
  router.get('/', (req, res) => renderHome(deps, req, res));

  router.get('/search', async (req, res) => {
    const t = tOf(res, deps);
    // Without the field at all (the language switcher links here without it): the home page.
    if (typeof req.query.reference !== 'string') return res.redirect(303, '/caseworker');
    const typed = req.query.reference;
    const read = readTypedReference(typed);
    if (read.kind === 'empty') {
      const error = t('caseworker:home.errors.referenceRequired');
      return renderHome(deps, req, res, { reference: typed, error, status: 400 });
    }
    if (read.kind === 'malformed') {
      const error = t('caseworker:home.errors.referenceFormat');
      return renderHome(deps, req, res, { reference: typed, error, status: 400 });
    }
    const found = await deps.store.journeys.findSubmission(read.reference);
    // Another agency's submission is not found, in the same words as one that does not exist.
    const { agency } = res.locals.principal as Principal;
    const submission =
      found && isAgencyForm(deps.agencies, agency, found.formId) ? found : undefined;
    if (!submission) {
      const error = t('caseworker:home.errors.referenceNotFound', { reference: read.reference });
      return renderHome(deps, req, res, { reference: typed, error, status: 404 });
    }
    res.redirect(303, `/caseworker/submissions/${submission.reference}`);
  });
}
