import type { DateQuestion, Question, RadiosQuestion, TextQuestion } from '../../definition/types';
import { date } from '../../questions/date';
import type {
  MacroCall,
  ParseContext,
  PostedBody,
  QuestionError,
  RawState,
  Translate,
} from '../../questions/question-type';
import { radios } from '../../questions/radios';
import { text } from '../../questions/text';
import { SECRET_KINDS, type Secret, type SecretKind } from '../../resume/saved-secret';
import { questionView } from '../render';

/** Which page asks: saving (the person chooses a secret) or opening (they give it back). */
export type SecretPurpose = 'save' | 'open';

/** The questions that ask for a secret: which kind, then the date or the word. */
export interface SecretQuestions {
  kind: RadiosQuestion;
  dateOfBirth: DateQuestion;
  memorableWord: TextQuestion;
}

/** What the secret questions gave: the secret, or errors, and what was typed. */
export interface SecretReading {
  secret?: Secret;
  errors: QuestionError[];
  raw: RawState;
}

/**
 * The secret questions in the user's language, built as question definitions so they are parsed,
 * validated and shown exactly like a form's own (error summary, messages, answers kept).
 * `wrongMessage` is the words for a secret that does not match, when there is one.
 */
export function secretQuestions(
  t: Translate,
  purpose: SecretPurpose,
  wrongMessage?: string,
): SecretQuestions {
  const wrong = wrongMessage ? { wrong: wrongMessage } : {};
  return {
    kind: {
      id: 'secret-kind',
      type: 'radios',
      label: t(purpose === 'save' ? 'resume:save.kindLegend' : 'resume:open.kindLegend'),
      hint: purpose === 'save' ? t('resume:save.kindHint') : undefined,
      options: SECRET_KINDS.map((kind) => ({
        value: kind,
        text: t(
          kind === 'date-of-birth' ? 'resume:secret.dateOfBirth' : 'resume:secret.memorableWord',
        ),
      })),
      errors: {
        required: t(
          purpose === 'save' ? 'resume:errors.kindRequired' : 'resume:errors.kindRequiredOpen',
        ),
      },
    },
    dateOfBirth: {
      id: 'date-of-birth',
      type: 'date',
      label: t('resume:secret.dateOfBirthLabel'),
      hint: t('resume:secret.dateOfBirthHint'),
      errorLabel: t('resume:secret.dateOfBirthSubject'),
      autocomplete: 'bday',
      past: true,
      errors: wrong,
    },
    memorableWord: {
      id: 'memorable-word',
      type: 'text',
      label: t('resume:secret.memorableWordLabel'),
      hint: purpose === 'save' ? t('resume:secret.memorableWordHint') : undefined,
      errorLabel: t('resume:secret.memorableWordSubject'),
      minLength: purpose === 'save' ? 4 : undefined,
      maxLength: 100,
      autocomplete: 'off',
      spellcheck: false,
      errors: wrong,
    },
  };
}

/**
 * Reads the chosen kind of secret and its value; only the chosen one is checked. Without a choice,
 * the one field filled in is the choice.
 */
export function readSecret(
  questions: SecretQuestions,
  body: PostedBody,
  context: ParseContext,
): SecretReading {
  const kind = radios.parse(questions.kind, body, context);
  const born = date.parse(questions.dateOfBirth, body, context);
  const word = text.parse(questions.memorableWord, body, context);
  const raw = { ...kind.raw, ...born.raw, ...word.raw };
  // Every field is on show: someone who typed only a date, or only a word, has made their choice.
  const typedDate = Object.values(born.raw).some((part) => String(part).trim() !== '');
  const typedWord = String(word.raw[questions.memorableWord.id] ?? '').trim() !== '';
  const inferred =
    typedDate === typedWord ? undefined : typedDate ? 'date-of-birth' : 'memorable-word';
  const chosenKind = (kind.value ?? inferred) as SecretKind | undefined;
  if (!chosenKind) return { errors: kind.errors, raw };
  const chosen = chosenKind === 'date-of-birth' ? born : word;
  const shown = { ...raw, [questions.kind.id]: chosenKind };
  if (chosen.errors.length > 0 || chosen.value === undefined) {
    return { errors: chosen.errors, raw: shown };
  }
  return { secret: { kind: chosenKind, value: chosen.value }, errors: [], raw: shown };
}

/** The error that says the secret given does not match, on the field that holds it. */
export function wrongSecretError(questions: SecretQuestions, kind: SecretKind): QuestionError {
  if (kind === 'memorable-word') {
    return {
      questionId: questions.memorableWord.id,
      field: questions.memorableWord.id,
      code: 'wrong',
    };
  }
  const id = questions.dateOfBirth.id;
  return {
    questionId: id,
    field: `${id}-day`,
    fields: [`${id}-day`, `${id}-month`, `${id}-year`],
    code: 'wrong',
  };
}

/** The macro calls of the secret questions, with what was typed and their errors. */
export function secretView(
  questions: SecretQuestions,
  raw: RawState,
  errors: QuestionError[],
  context: { t: Translate; lang: string },
): Record<keyof SecretQuestions, MacroCall> {
  const view = <Q extends Question>(
    type: { view(q: Q, raw: RawState, c: ReturnType<typeof questionView>): MacroCall },
    question: Q,
  ) =>
    type.view(question, raw, questionView(question, errors, { ...context, isPageHeading: false }));
  const dateOfBirth = view(date, questions.dateOfBirth);
  const memorableWord = view(text, questions.memorableWord);
  // Revealed under a choice, each reads as part of it: a small legend or label, not a heading.
  (dateOfBirth.params.fieldset as { legend: { classes: string } }).legend.classes =
    'govuk-fieldset__legend--s';
  (memorableWord.params.label as { classes: string }).classes = 'govuk-label--s';
  return { kind: view(radios, questions.kind), dateOfBirth, memorableWord };
}

/** Every secret question, for the error summary. */
export function secretQuestionList(questions: SecretQuestions): Question[] {
  return [questions.kind, questions.dateOfBirth, questions.memorableWord];
}
