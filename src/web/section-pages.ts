import type { Request, Response } from 'express';
import type { FormDefinition, RepeatSection, YesNoQuestion } from '../definition/types';
import { itemsOf, type Draft } from '../engine/answers';
import { catalogueOf, previousStep, walk } from '../engine/journey';
import { typeOf } from '../questions/registry';
import { yesNo } from '../questions/yes-no';
import type { QuestionError, RawState, Translate } from '../questions/question-type';
import { stepUrl } from './journey-state';
import { keepDraft, newItemId, nextUrl, type PageHandlerDependencies } from './question-page';
import { itemHeading } from './item-heading';
import { pluralForms, pluralText } from '../definition/plural-keys';
import { errorSummary, langOf, questionView, tOf } from './render';

function addAnotherQuestion(section: RepeatSection, t: Translate): YesNoQuestion {
  return {
    id: 'add-another',
    type: 'yes-no',
    label: section.addAnotherLabel,
    errors: {
      required: t('section.errors.addAnotherRequired', { itemName: section.itemName }),
      tooFew: t('section.errors.tooFew', { count: section.min ?? 0, itemName: section.itemName }),
    },
  };
}

function removeQuestion(section: RepeatSection, position: number, t: Translate): YesNoQuestion {
  return {
    id: 'remove',
    type: 'yes-no',
    label: t('section.removeQuestion', { itemName: section.itemName, position }),
    errors: {
      required: t('section.errors.removeRequired', { itemName: section.itemName, position }),
    },
  };
}

function firstItemPageUrl(
  form: FormDefinition,
  section: RepeatSection,
  position: number,
  base: string,
): string {
  return `${base}/${form.id}/${section.id}/${position}/${section.pages[0]?.id ?? ''}`;
}

/** "You have added 2 tenants": the section's own plural words, or the framework's "items". */
export function itemCountText(
  section: RepeatSection,
  count: number,
  lang: string,
  t: Translate,
): string {
  const forms = pluralForms(section, 'itemCount');
  return forms ? pluralText(forms, count, lang) : t('section.summaryCount', { count });
}

/** Shows a repeating section's summary: the items so far and "Do you need to add another?". */
export function renderSectionSummary(
  deps: PageHandlerDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
  section: RepeatSection,
  typed?: { raw: RawState; errors: QuestionError[] },
): void {
  const lang = langOf(res);
  const t = tOf(res, deps);
  const items = itemsOf(draft.answers, section.id);
  const labelEntry = catalogueOf(form).get(section.itemLabel);
  const rows = items.map((item, i) => {
    const name = itemHeading(t, lang, section.itemName, i + 1);
    const value = item.answers[section.itemLabel];
    const shown =
      labelEntry && value !== undefined
        ? typeOf(labelEntry.question)
            .summary(labelEntry.question, value as never, { t, lang })
            .join(', ')
        : name;
    return {
      key: { text: name },
      value: { text: shown },
      actions: {
        items: [
          {
            href: firstItemPageUrl(form, section, i + 1, req.baseUrl),
            text: t('section.change'),
            visuallyHiddenText: name,
          },
          {
            href: `${req.baseUrl}/${form.id}/${section.id}/${i + 1}/remove`,
            text: t('section.remove'),
            visuallyHiddenText: name,
          },
        ],
      },
    };
  });
  const question = addAnotherQuestion(section, t);
  const errors = typed?.errors ?? [];
  const canAdd = items.length < (section.max ?? Infinity);
  const previous = previousStep(walk(form, draft), section.id);
  deps.render(
    req,
    res,
    'section-summary.njk',
    {
      form,
      pageTitle: section.title,
      heading: section.title,
      items: rows,
      summaryCount: itemCountText(section, rows.length, lang, t),
      addAnother: canAdd
        ? yesNo.view(
            question,
            typed?.raw ?? {},
            questionView(question, errors, { t, lang, isPageHeading: false }),
          )
        : undefined,
      atMaximum: t('section.atMaximum'),
      errors: errorSummary([question], errors, { t, lang }),
      backHref: previous ? stepUrl(form, previous, req.baseUrl) : `${req.baseUrl}/${form.id}`,
      action: req.originalUrl,
    },
    errors.length > 0 ? 400 : 200,
  );
}

/** Takes the summary's answer: adds an item, or moves past the section when there are enough. */
export async function acceptSectionSummary(
  deps: PageHandlerDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
  section: RepeatSection,
): Promise<void> {
  const t = tOf(res, deps);
  const items = itemsOf(draft.answers, section.id);
  const canAdd = items.length < (section.max ?? Infinity);
  const question = addAnotherQuestion(section, t);
  const parsed = canAdd
    ? yesNo.parse(question, req.body as Record<string, unknown>, { today: '' })
    : { value: 'no', raw: {}, errors: [] };
  if (parsed.errors.length === 0 && parsed.value === 'no' && items.length < (section.min ?? 0)) {
    parsed.errors.push({ questionId: question.id, field: `${question.id}`, code: 'tooFew' });
  }
  if (parsed.errors.length > 0) {
    renderSectionSummary(deps, req, res, form, draft, section, parsed);
    return;
  }
  if (parsed.value === 'yes') {
    draft.answers[section.id] = [...items, { id: newItemId(), answers: {} }];
    draft.done = draft.done.filter((key) => key !== section.id);
    await keepDraft(deps, req, draft);
    res.redirect(303, firstItemPageUrl(form, section, items.length + 1, req.baseUrl));
    return;
  }
  if (!draft.done.includes(section.id)) draft.done.push(section.id);
  await keepDraft(deps, req, draft);
  res.redirect(303, nextUrl(form, walk(form, draft), section.id, false, req.baseUrl));
}

/** Asks to confirm removing an item. */
export function renderRemoveItem(
  deps: PageHandlerDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  section: RepeatSection,
  position: number,
  typed?: { raw: RawState; errors: QuestionError[] },
): void {
  const lang = langOf(res);
  const t = tOf(res, deps);
  const question = removeQuestion(section, position, t);
  const errors = typed?.errors ?? [];
  deps.render(
    req,
    res,
    'remove-item.njk',
    {
      form,
      pageTitle: question.label,
      confirm: yesNo.view(
        question,
        typed?.raw ?? {},
        questionView(question, errors, { t, lang, isPageHeading: true }),
      ),
      errors: errorSummary([question], errors, { t, lang }),
      backHref: `${req.baseUrl}/${form.id}/${section.id}`,
      action: req.originalUrl,
    },
    errors.length > 0 ? 400 : 200,
  );
}

/** Removes the item when the user confirms, and returns to the section summary. */
export async function acceptRemoveItem(
  deps: PageHandlerDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
  section: RepeatSection,
  position: number,
): Promise<void> {
  const t = tOf(res, deps);
  const question = removeQuestion(section, position, t);
  const parsed = yesNo.parse(question, req.body as Record<string, unknown>, { today: '' });
  if (parsed.errors.length > 0) {
    renderRemoveItem(deps, req, res, form, section, position, parsed);
    return;
  }
  const items = itemsOf(draft.answers, section.id);
  const removed = items[position - 1];
  if (parsed.value === 'yes' && removed) {
    const remaining = items.filter((i) => i !== removed);
    draft.answers[section.id] = remaining;
    draft.done = draft.done.filter(
      (key) =>
        !key.startsWith(`${section.id}/${removed.id}/`) &&
        (key !== section.id || remaining.length >= (section.min ?? 0)),
    );
    if (remaining.length === 0) draft.done = draft.done.filter((key) => key !== section.id);
    await keepDraft(deps, req, draft);
  }
  const walked = walk(form, draft);
  const summaryReachable = walked.steps.some(
    (s) => s.kind === 'summary' && s.section.id === section.id,
  );
  res.redirect(
    303,
    summaryReachable
      ? `${req.baseUrl}/${form.id}/${section.id}`
      : stepUrl(form, walked.next, req.baseUrl),
  );
}
