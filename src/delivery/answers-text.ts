import type { FormDefinition } from '../definition/types';
import { summarise } from '../engine/check-answers';
import { finishedDraft } from '../engine/finished-draft';
import { dateTimeWords, dayWords } from '../questions/date-words';
import type { Translate } from '../questions/question-type';
import type { Submission } from '../store/store';
import { itemHeading } from '../web/item-heading';

/**
 * A submission as plain text in the form's own language, for an agency's inbox: a first line
 * naming the agency (`agency`, its name in that language), the form and the reference, its details
 * (reference, form, channel, language, when it came, the caseworker and the day paper arrived),
 * then every answer as check answers shows it, each item of a repeating section under its heading.
 * `t` must be fixed to `form.language`.
 */
export function answersText(
  form: FormDefinition,
  submission: Submission,
  t: Translate,
  agency: string,
): string {
  const lang = form.language;
  const detail = (key: string, value: string) => `${t(`caseworker:submission.${key}`)}: ${value}`;
  const lines = [
    t('delivery:email.intro', { agency, title: form.title, reference: submission.reference }),
    '',
    detail('reference', submission.reference),
    detail(
      'form',
      t('delivery:email.formVersion', { title: form.title, version: submission.formVersion }),
    ),
    detail('channel', t(`caseworker:channel.${submission.channel}`)),
    detail('language', t(`language.${submission.language}`)),
    detail('submitted', dateTimeWords(submission.submittedAt, lang)),
    ...(submission.receivedOn ? [detail('receivedOn', dayWords(submission.receivedOn, lang))] : []),
    ...(submission.caseworkerId ? [detail('caseworker', submission.caseworkerId)] : []),
    '',
    t('caseworker:submission.answers'),
  ];
  const groups = summarise(form, finishedDraft(form, submission.answers), { t, lang });
  for (const group of groups) {
    const indent = group.item ? '  ' : '';
    if (group.item) {
      lines.push('', itemHeading(t, lang, group.item.itemName, group.item.position));
    }
    for (const row of group.rows) {
      lines.push('', `${indent}${row.label}`);
      for (const line of row.lines ?? [t('caseworker:submission.notProvided')]) {
        lines.push(`${indent}${line}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
