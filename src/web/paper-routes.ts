import { submittedOn } from '../publishing/draft-version';
import type { FormCatalogue } from '../publishing/form-catalogue';
import { revisionOf } from '../definition/revision';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { i18n } from 'i18next';
import type { Config } from '../config';
import { localise } from '../definition/translation';
import type { FormDefinition } from '../definition/types';
import { ServiceError } from '../errors';
import { answersPdf } from '../paper/answers-pdf';
import { textDirection } from '../paper/direction';
import { paperForm, type PaperForm } from '../paper/paper-form';
import { paperPdf } from '../paper/paper-pdf';
import { qrSvg } from '../paper/qr-code';
import type { Store } from '../store/store';
import { translator } from './i18n';
import { formLanguage } from './language';
import type { Render } from './render';

export interface PaperRoutesDependencies {
  forms: FormCatalogue;
  store: Store;
  render: Render;
  i18n: i18n;
  /** Where the online form lives, for the QR code and the short link: never a request's Host. */
  config: Pick<Config, 'baseUrl'>;
}

/** Blank PDFs kept in memory, by form version and language; the oldest go first. */
const MOST_CACHED = 64;

function pdfHeaders(res: Response, filename: string, disposition: 'inline' | 'attachment'): void {
  res.type('application/pdf');
  res.setHeader('Content-Disposition', `${disposition}; filename="${filename}"`);
}

/**
 * The paper channel: the blank paper form as a PDF and as a printable page, in every language the
 * form offers, and the copy of a submission's answers for the session that sent it.
 */
export function createPaperRoutes(deps: PaperRoutesDependencies): Router {
  const router = Router();
  const blankPdfs = new Map<string, Promise<Buffer>>();

  const paperOf = (req: Request, res: Response): { source: FormDefinition; paper: PaperForm } => {
    const source = deps.forms.get(String(req.params.formId));
    if (!source) throw new ServiceError('FORM_NOT_FOUND');
    const lang = formLanguage(source, res);
    const form = localise(source, lang);
    const onlineUrl = `${deps.config.baseUrl}/${form.id}?lang=${lang}`;
    const t = translator(deps.i18n, lang);
    return { source, paper: paperForm(form, { t, lang, dir: textDirection(lang), onlineUrl }) };
  };

  const page: RequestHandler = (req, res) => {
    const { source, paper } = paperOf(req, res);
    res.setHeader('Cache-Control', 'no-cache');
    deps.render(req, res, 'paper.njk', {
      form: localise(source, paper.lang),
      pageTitle: translator(deps.i18n, paper.lang)('paper:document.pageTitle', {
        title: paper.title,
      }),
      paper,
      qr: qrSvg(paper.online.url, paper.online.qrLabel),
      pdfHref: `${req.baseUrl}/${source.id}/paper.pdf?lang=${paper.lang}`,
    });
  };

  const pdf: RequestHandler = async (req, res) => {
    const { source, paper } = paperOf(req, res);
    const key = [source.id, revisionOf(source), paper.lang].join('\n');
    let made = blankPdfs.get(key);
    if (!made) {
      made = paperPdf(paper, translator(deps.i18n, paper.lang));
      made.catch(() => blankPdfs.delete(key));
      blankPdfs.set(key, made);
      if (blankPdfs.size > MOST_CACHED) blankPdfs.delete(blankPdfs.keys().next().value as string);
    }
    const body = await made;
    pdfHeaders(res, `${source.id}-${paper.lang}.pdf`, 'inline');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(body);
  };

  const answers: RequestHandler = async (req, res) => {
    const source = deps.forms.get(String(req.params.formId));
    if (!source) throw new ServiceError('FORM_NOT_FOUND');
    res.setHeader('Cache-Control', 'no-store');
    // Only the session that sent the form has its reference; nothing in the address names one.
    const reference = req.session?.submitted?.[source.id];
    const submission = reference ? await deps.store.journeys.findSubmission(reference) : undefined;
    if (!submission || submission.formId !== source.id) throw new ServiceError('PAGE_NOT_FOUND');
    // The answers as the version they were sent on asked them.
    const made = submittedOn(deps.forms, submission) ?? source;
    const lang = formLanguage(made, res);
    const body = await answersPdf(made, submission, lang, translator(deps.i18n, lang));
    pdfHeaders(res, `${source.id}-${submission.reference}.pdf`, 'attachment');
    res.send(body);
  };

  router.get('/:formId/paper', page);
  router.get('/:formId/paper.pdf', pdf);
  router.get('/:formId/confirmation/answers.pdf', answers);
  return router;
}
