import bidiFactory from 'bidi-js';

/** The Unicode Bidirectional Algorithm (UAX #9), made once for the paper form's lines. */
export const bidi = bidiFactory();
