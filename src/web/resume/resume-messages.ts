// The pages of save and return that only say something: nothing to save, expired, locked, saved
// too often.
import type { Request, Response } from 'express';
import type { FormDefinition } from '../../definition/types';
import { dateAndTime } from './local-time';
import { langOf, tOf } from '../render';
import type { ResumePagesDependencies } from './resume-pages';

/** Saving before any answer was kept: there is nothing to save yet. */
export function renderNothingToSave(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
): void {
  const t = tOf(res, deps);
  deps.render(req, res, 'resume-message.njk', {
    form,
    pageTitle: t('resume:save.nothingTitle'),
    paragraphs: [t('resume:save.nothingBody')],
    link: { href: `/${form.id}`, text: t('resume:save.nothingLink') },
  });
}

/** A code that ran out: its answers are deleted; start again. */
export function renderExpired(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition | undefined,
): void {
  const t = tOf(res, deps);
  deps.render(
    req,
    res,
    'resume-message.njk',
    {
      form,
      pageTitle: t('resume:expired.title'),
      paragraphs: [t('resume:expired.body')],
      link: form ? { href: `/${form.id}`, text: t('resume:expired.link') } : undefined,
    },
    410,
  );
}

/** Too many wrong tries: when to try again, and whom to call meanwhile. */
export function renderLocked(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition | undefined,
  until: number,
): void {
  const t = tOf(res, deps);
  const { date, time } = dateAndTime(until, langOf(res));
  deps.render(
    req,
    res,
    'resume-message.njk',
    {
      form,
      pageTitle: t('resume:locked.title'),
      paragraphs: [t('resume:locked.body', { date, time }), t('resume:locked.why')],
      helpIntro: t('resume:locked.helpIntro'),
    },
    429,
  );
}

/** Saved too often from this browser or address: the answers are kept; when to save again. */
export function renderSaveLimited(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  { until, backHref }: { until: number; backHref: string },
): void {
  const t = tOf(res, deps);
  const { date, time } = dateAndTime(until, langOf(res));
  deps.render(
    req,
    res,
    'resume-message.njk',
    {
      form,
      pageTitle: t('resume:saveLimited.title'),
      paragraphs: [t('resume:saveLimited.body'), t('resume:saveLimited.kept', { date, time })],
      link: { href: backHref, text: t('resume:saveLimited.link') },
    },
    429,
  );
}
