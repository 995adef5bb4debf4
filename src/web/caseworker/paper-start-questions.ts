import type { DateQuestion, FormDefinition, RadiosQuestion } from '../../definition/types';
import { languagesOf } from '../../definition/translation';
import { formCode } from '../../paper/form-code';
import type { Translate } from '../../questions/question-type';
import { translator } from '../i18n';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { keyableVersions } from './form-versions';

/** The questions about a paper form before its answers are keyed in. */
export interface PaperStartQuestions {
  version: RadiosQuestion;
  language: RadiosQuestion;
  receivedOn: DateQuestion;
}

/**
 * The version and language printed on the paper (each offered as the service knows them, the
 * version with the form code printed on every page) and the date it arrived: today or earlier.
 */
export function paperStartQuestions(
  deps: Pick<CaseworkerDependencies, 'i18n' | 'forms'>,
  form: FormDefinition,
  t: Translate,
): PaperStartQuestions {
  return {
    version: {
      id: 'version',
      type: 'radios',
      label: t('caseworker:paper.versionLegend'),
      hint: t('caseworker:paper.versionHint'),
      options: keyableVersions(deps.forms, form).map((version) => ({
        value: version,
        text: t('caseworker:paper.versionItem', {
          version,
          code: formCode({ id: form.id, version }),
        }),
      })),
      errors: { required: t('caseworker:paper.errors.versionRequired') },
    },
    language: {
      id: 'language',
      type: 'radios',
      label: t('caseworker:paper.languageLegend'),
      options: languagesOf(form).map((lang) => ({
        value: lang,
        text: translator(deps.i18n, lang)(`language.${lang}`),
      })),
      errors: { required: t('caseworker:paper.errors.languageRequired') },
    },
    receivedOn: {
      id: 'received-on',
      type: 'date',
      label: t('caseworker:paper.receivedLabel'),
      hint: t('caseworker:paper.receivedHint'),
      errorLabel: t('caseworker:paper.receivedSubject'),
      past: true,
    },
  };
}
