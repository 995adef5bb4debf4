import type { Request, Response, Router } from 'express';
import { readTypedReference } from '../../caseworker/typed-reference';
import { languagesOf, localise } from '../../definition/translation';
import { langOf, tOf } from '../render';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';

/** The forms the service offers, with their version and languages, in the page's language. */
function formRows(deps: CaseworkerDependencies, res: Response) {
  const lang = langOf(res);
  const t = tOf(res, deps);
  return [...deps.forms.values()].map((source) => {
    const languages = languagesOf(source);
    const form = localise(source, languages.includes(lang) ? lang : source.language);
    return [
      { text: form.title },
      { text: form.version },
      { text: languages.map((code) => t(`language.${code}`)).join(', ') },
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
    const submission = await deps.store.findSubmission(read.reference);
    if (!submission) {
      const error = t('caseworker:home.errors.referenceNotFound', { reference: read.reference });
      return renderHome(deps, req, res, { reference: typed, error, status: 404 });
    }
    res.redirect(303, `/caseworker/submissions/${submission.reference}`);
  });
}
