import { readAloudScript } from '../../caseworker/read-aloud-script';
import { languagesOf, localise } from '../../definition/translation';
import type { FormDefinition, QuestionPage } from '../../definition/types';
import type { Draft } from '../../engine/answers';
import { stepLookup, wordPage } from '../../engine/wording';
import { translator } from '../i18n';
import { itemHeading } from '../item-heading';
import type { QuestionStep } from './assisted-journey';
import type { CaseworkerDependencies } from './caseworker-dependencies';

/** The caller's language: the journey's, while the form still offers it. */
export function callerLanguage(source: FormDefinition, draft: Pick<Draft, 'language'>): string {
  return languagesOf(source).includes(draft.language) ? draft.language : source.language;
}

/** How a panel of words to read out is marked: the language it is in, named in that language. */
export function spokenIn(deps: Pick<CaseworkerDependencies, 'i18n'>, lang: string) {
  return {
    lang,
    dir: deps.i18n.dir(lang),
    language: translator(deps.i18n, lang)(`language.${lang}`),
  };
}

/** The same page in another localisation of the form (ids never change between languages). */
function samePage(form: FormDefinition, step: QuestionStep): QuestionPage {
  const top = form.pages.find((p) => p.id === (step.section?.id ?? step.page.id));
  if (step.section && top?.kind === 'repeat') {
    return top.pages.find((p) => p.id === step.page.id) ?? step.page;
  }
  return top && top.kind !== 'exit' && top.kind !== 'repeat' ? top : step.page;
}

/**
 * The read-aloud script of a question page, in the caller's language: the question, its hint and
 * its choices, as the online page words them for the caller.
 */
export function scriptLocals(
  deps: Pick<CaseworkerDependencies, 'forms' | 'i18n'>,
  draft: Draft,
  step: QuestionStep,
): Record<string, unknown> {
  const source =
    deps.forms.version(draft.formId, draft.formVersion) ?? deps.forms.get(draft.formId);
  if (!source) return {};
  const lang = callerLanguage(source, draft);
  const form = localise(source, lang);
  const t = translator(deps.i18n, lang);
  const section = form.pages.find((p) => p.id === step.section?.id);
  const caption =
    section?.kind === 'repeat' && step.item
      ? itemHeading(t, lang, section.itemName, step.item.index + 1)
      : undefined;
  const worded = wordPage(samePage(form, step), stepLookup(form, draft, step));
  return {
    script: { ...spokenIn(deps, lang), caption, ...readAloudScript(worded, t) },
  };
}
