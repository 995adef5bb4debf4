import type { Principal } from '../../caseworker/authenticator';
import type { Translate } from '../../questions/question-type';

/** A link of the staff area's navigation, as govuk-frontend's service navigation takes it. */
export interface StaffNavigationItem {
  href: string;
  text: string;
  /** The section the page is in. */
  active: boolean;
}

/** The sections of the staff area and the roles that may use each. */
const SECTIONS = [
  { key: 'find', href: '/caseworker', roles: ['caseworker'], owns: /^\/caseworker\/?(\?|$)/ },
  {
    key: 'submissions',
    href: '/caseworker/forms',
    roles: ['caseworker', 'service-team'],
    owns: /^\/caseworker\/(forms|submissions)(\/|\?|$)/,
  },
  { key: 'figures', href: '/dashboard', roles: ['service-team'], owns: /^\/dashboard(\/|\?|$)/ },
] as const;

/**
 * The staff area's navigation for whoever is signed in: caseworkers find a submission by
 * reference and list a form's submissions; the service team lists submissions and sees the
 * figures. Nobody signed in: none.
 */
export function staffNavigation(
  principal: Principal | undefined,
  path: string,
  t: Translate,
): StaffNavigationItem[] {
  if (!principal) return [];
  return SECTIONS.filter((section) =>
    (section.roles as readonly string[]).includes(principal.role),
  ).map((section) => ({
    href: section.href,
    text: t(`caseworker:nav.${section.key}`),
    active: section.owns.test(path),
  }));
}
