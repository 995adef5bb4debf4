/** Passwords shorter than this are refused: length is what makes a password hard to guess. */
export const MINIMUM_PASSWORD = 12;
