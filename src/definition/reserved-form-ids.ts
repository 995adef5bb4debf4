import type { FormDefinition } from './types';
import type { Problem } from './problem';

/**
 * The top-level addresses the service answers itself, which a form (served at `/{id}`) would
 * clash with, and what each is. A test checks that every top-level path of `createApp` is here.
 */
export const RESERVED_FORM_IDS: Readonly<Record<string, string>> = Object.freeze({
  health: '/health: the health check',
  assets: '/assets/...: the stylesheet and the script',
  resume: '/resume: "Come back to a saved form"',
  caseworker: '/caseworker: the caseworker area',
  dashboard: '/dashboard: the KPI dashboard',
  preview: "/preview: the service team's preview of forms not yet published",
  metrics: '/metrics: the figures for Prometheus',
  admin: '/admin: kept for an administration area',
  agencies: "/agencies/...: each agency's accessibility, privacy, cookies and contact pages",
  // On an agency's own host name, its legal pages are at these short paths.
  accessibility: "/accessibility: an agency's accessibility statement on its own host name",
  privacy: "/privacy: an agency's privacy notice on its own host name",
  cookies: "/cookies: an agency's cookies page on its own host name",
  contact: "/contact: an agency's contact page on its own host name",
  session: '/session/keep-alive: the time-out warning',
  api: "/api/v1/...: the pull API agencies' systems fetch submissions from",
  // Not a valid id anyway (ids have no dots), but the browsers' icon request is answered here.
  'favicon.ico': '/favicon.ico: the icon browsers ask for',
});

/** The problem with a form whose id is one of the service's own addresses, if it is. */
export function checkFormId(form: Pick<FormDefinition, 'id'>, file: string): Problem[] {
  const taken = Object.hasOwn(RESERVED_FORM_IDS, form.id) ? RESERVED_FORM_IDS[form.id] : undefined;
  if (!taken) return [];
  return [
    {
      file,
      path: 'id',
      message: `is "${form.id}", an address the service keeps for itself (${taken})`,
      expected: `any id except ${Object.keys(RESERVED_FORM_IDS).join(', ')}`,
      hint: 'name the form after what people use it for, such as "apply-for-a-parking-permit", and its file to match',
    },
  ];
}
