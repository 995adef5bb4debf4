import type { PullPosition } from '../../store/delivery-repository';

const CURSOR = /^c_(\d{1,20})_(\d{1,20})$/;

/** A position in commit order as the opaque `cursor` the API gives. */
export function formatCursor(position: PullPosition): string {
  return `c_${position.xact}_${position.id}`;
}

/** The position a cursor the API gave stands for; undefined for anything else. */
export function parseCursor(cursor: string): PullPosition | undefined {
  const match = CURSOR.exec(cursor);
  if (!match) return undefined;
  const xact = Number(match[1]);
  const id = Number(match[2]);
  return Number.isSafeInteger(xact) && Number.isSafeInteger(id) ? { xact, id } : undefined;
}
