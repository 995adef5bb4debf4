import type { Channel } from '../engine/answers';

/** Every channel, in the order the figures list them. */
export const CHANNELS: readonly Channel[] = ['online', 'phone-assisted', 'phone', 'paper'];

/**
 * The digital channels, as the GOV.UK Service Manual counts digital take-up: the online service, and
 * assisted digital (`phone-assisted`: staff fill in the online form with the caller). A caseworker
 * keying a call (`phone`) or a paper form (`paper`) is not digital.
 */
export const DIGITAL_CHANNELS: ReadonlySet<Channel> = new Set(['online', 'phone-assisted']);
