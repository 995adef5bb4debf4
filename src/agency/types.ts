/** Text in each language an agency offers, keyed by language code. */
export type Translated = Readonly<Record<string, string>>;

/** A link in an agency's header or footer. */
export interface AgencyLink {
  readonly text: Translated;
  readonly href: string;
}

/** An agency: a body whose forms, brand and legal pages one deployment serves (agencies/<id>/agency.json). */
export interface Agency {
  readonly id: string;
  readonly name: Translated;
  /** What the staff area is called for this agency's staff. */
  readonly staffAreaName: Translated;
  /** The logo, a file in the agency's folder, with its alternative text. */
  readonly logo?: { readonly file: string; readonly alt: Translated };
  /** `#rrggbb`: the header's background, under white text. */
  readonly brandColour: string;
  /** The languages offered, the first the agency's own. */
  readonly languages: readonly string[];
  readonly headerLinks: readonly AgencyLink[];
  readonly footerLinks: readonly AgencyLink[];
  readonly contact: {
    readonly email?: string;
    readonly phone?: string;
    readonly textRelay?: string;
    readonly hours?: Translated;
    readonly postalAddress?: readonly string[];
  };
  readonly retention: {
    /** Days the agency keeps a sent form's answers after it receives them (an agency file must say). */
    readonly submissionDays?: number;
  };
  readonly accessibility: {
    /** The date the statement was prepared or last reviewed (YYYY-MM-DD). */
    readonly reviewed?: string;
    /** What the agency knows does not work yet, beyond what civic-forms states itself. */
    readonly knownIssues: readonly Translated[];
  };
  /** Whether to show "© Crown copyright" and the Open Government Licence (UK central government only). */
  readonly crownMarks: boolean;
  /** The ids of the forms that are this agency's (forms/<id>.json). */
  readonly forms: readonly string[];
  /**
   * Host names that serve this agency alone (`forms.northbrook.gov.uk`): its forms at their usual
   * paths, its legal pages at short ones (`/privacy`), no other agency's forms. Matched against the
   * request, never used to build a link.
   */
  readonly hosts: readonly string[];
}

/** An agency as the pages use it: its definition, its folder and the URL of its logo. */
export interface LoadedAgency {
  readonly agency: Agency;
  readonly dir: string | undefined;
  readonly logoUrl: string | undefined;
}
