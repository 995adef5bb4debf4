import type { PaperField } from '../questions/paper-field';

/** A numbered question with its spaces to fill in and the routing that applies to it. */
export interface PaperQuestion {
  kind: 'question';
  number: number;
  /** The label, with "(optional)" when it is optional. */
  label: string;
  hint?: string;
  onlyIf?: string;
  fields: PaperField[];
  /** "If you answered No, go to question 9." */
  goTo: string[];
}

/** Several questions asked together under a title (one page online). */
export interface PaperGroup {
  kind: 'group';
  title: string;
  body: string[];
  onlyIf?: string;
  questions: PaperQuestion[];
}

/** An end page, written as an instruction to stop. */
export interface PaperExit {
  kind: 'exit';
  instruction?: string;
  title: string;
  body: string[];
  /** An urgent exit's "Call us now on ...". */
  callNow?: string;
}

/** A repeating section: its questions once per item ("Person 1", "Person 2"...). */
export interface PaperRepeat {
  kind: 'repeat';
  title: string;
  onlyIf?: string;
  items: Array<{ heading: string; entries: Array<PaperQuestion | PaperGroup> }>;
  continuation?: string;
}

export type PaperBlock = PaperQuestion | PaperGroup | PaperExit | PaperRepeat;

/** Everything the paper form says, in one language: what the PDF and the printable page draw. */
export interface PaperForm {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  description: string;
  code: string;
  /** The line at the top of every page: title, version and form code. */
  header: string;
  intro: { heading: string; points: string[] };
  online: { heading: string; body: string; url: string; qrLabel: string };
  blocks: PaperBlock[];
  /** The form's declaration, with a line to sign and one for the date: only when the form has one. */
  declaration?: { heading: string; text: string; signature: string; date: string };
  /** Where to post the form; with no address (a service reached by phone only), what to do instead. */
  send: { heading: string; body: string; address: string[] };
  help: {
    heading: string;
    intro: string;
    contacts: Array<{ label: string; value: string }>;
    /** When the phone line is open: only when the form has a phone number. */
    hours?: string;
  };
}
