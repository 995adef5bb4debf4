import type { Channel } from '../engine/answers';
import type { FormCosts } from '../definition/types';
import { CHANNELS } from './channels';

/** Cost per transaction, from the form's configured cost of one transaction in each channel. */
export interface CostFigures {
  currency: string;
  /** Sum over channels of (cost of one transaction there × transactions completed there). */
  total: number | null;
  /** `total` / completions in all channels; null without completions or with a cost missing. */
  perTransaction: number | null;
  /** Channels that completed transactions but have no configured cost. */
  missing: Channel[];
}

/** The currency costs are in when the form does not say. */
export const DEFAULT_CURRENCY = 'GBP';

/**
 * Cost per transaction: total cost = Σ over channels of cost[channel] × completions[channel];
 * cost per transaction = total cost / completions in all channels.
 */
export function costFigures(
  costs: FormCosts | undefined,
  completionsByChannel: ReadonlyMap<Channel, number>,
): CostFigures {
  const currency = costs?.currency ?? DEFAULT_CURRENCY;
  let total = 0;
  let completions = 0;
  const missing: Channel[] = [];
  for (const channel of CHANNELS) {
    const count = completionsByChannel.get(channel) ?? 0;
    if (count === 0) continue;
    completions += count;
    const unit = costs?.[channel];
    if (unit === undefined) missing.push(channel);
    else total += unit * count;
  }
  if (missing.length > 0) return { currency, total: null, perTransaction: null, missing };
  return {
    currency,
    total: round(total),
    perTransaction: completions === 0 ? null : round(total / completions),
    missing,
  };
}

/** Money to a hundredth of a unit, without binary fractions showing. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
