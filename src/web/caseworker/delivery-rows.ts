import { dateTimeWords } from '../../questions/date-words';
import type { Translate } from '../../questions/question-type';
import type { Delivery } from '../../store/delivery-repository';

/** What staff see of one delivery: where, how it stands in words, and whether they may retry it. */
export interface DeliveryRow {
  destination: string;
  status: string;
  detail: string;
  /** Set for a dead delivery, which staff may try again. */
  retryAction?: string;
}

/** Why a try failed, in words: the failure's kind, from the start of the recorded line. */
function why(t: Translate, error: string | undefined): { why: string; error: string } {
  const kind = /^([a-z-]+):/.exec(error ?? '')?.[1] ?? 'internal';
  const known = KINDS.includes(kind) ? kind : 'internal';
  // The technical line is English and left to right: isolated, so it reads whole in Arabic too.
  return { why: t(`caseworker:deliveries.why_${known}`), error: `\u2066${error ?? ''}\u2069` };
}

/** The kinds of failure the worker records (`DeliveryFailure` and its own). */
const KINDS = [
  'timeout',
  'network',
  'tls',
  'status',
  'redirect',
  'rejected',
  'not-configured',
  'not-found',
  'internal',
];

/**
 * A submission's deliveries as the submission page lists them: waiting (or waiting for the agency
 * to fetch it), delivered and when, failing with why and the next try, or dead with a retry.
 */
export function deliveryRows(
  deliveries: readonly Delivery[],
  t: Translate,
  lang: string,
  retryBase: string,
): DeliveryRow[] {
  return deliveries.map((d) => {
    const at = (ms: number | undefined) => (ms === undefined ? '' : dateTimeWords(ms, lang));
    const base = { destination: d.destination };
    if (d.status === 'delivered') {
      return {
        ...base,
        status: t('caseworker:deliveries.status_delivered'),
        detail: t('caseworker:deliveries.deliveredAt', { at: at(d.deliveredAt) }),
      };
    }
    if (d.status === 'dead') {
      return {
        ...base,
        status: t('caseworker:deliveries.status_dead'),
        detail: t('caseworker:deliveries.dead', {
          ...why(t, d.lastError),
          tries: d.attempts,
          at: at(d.lastTriedAt),
        }),
        retryAction: `${retryBase}/${encodeURIComponent(d.destination)}/retry`,
      };
    }
    if (d.kind === 'pull') {
      return { ...base, status: t('caseworker:deliveries.status_awaiting'), detail: '' };
    }
    if (d.attempts === 0) {
      return {
        ...base,
        status: t('caseworker:deliveries.status_pending'),
        detail: t('caseworker:deliveries.firstTry', { at: at(d.nextTryAt) }),
      };
    }
    return {
      ...base,
      status: t('caseworker:deliveries.status_failing'),
      detail: t('caseworker:deliveries.failing', {
        ...why(t, d.lastError),
        tries: d.attempts,
        next: at(d.nextTryAt),
      }),
    };
  });
}
