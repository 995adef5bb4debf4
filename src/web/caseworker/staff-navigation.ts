import type { Principal } from '../../caseworker/authenticator';
import type { Translate } from '../../questions/question-type';

/** A link of the staff area's navigation, as govuk-frontend's service navigation takes it. */
export interface StaffNavigationItem {
  href: string;
  text: string;
  /** The section the page is in. */
  active: boolean;
}

/** The sections of the staff area, the roles that may use each and the key of its name. */
const SECTIONS = [
  {
    text: 'caseworker:nav.find',
    href: '/caseworker',
    roles: ['caseworker'],
    owns: /^\/caseworker\/?(\?|$)/,
  },
  {
    text: 'caseworker:nav.submissions',
    href: '/caseworker/forms',
    roles: ['caseworker', 'service-team'],
    owns: /^\/caseworker\/(forms|submissions)(\/|\?|$)/,
  },
  {
    text: 'caseworker:nav.figures',
    href: '/dashboard',
    roles: ['service-team'],
    owns: /^\/dashboard(\/|\?|$)/,
  },
  {
    text: 'admin:nav.platform',
    href: '/admin/platform',
    roles: ['platform-admin'],
    owns: /^\/admin\/platform(\/|\?|$)/,
  },
  {
    text: 'admin:nav.staff',
    href: '/admin/staff',
    roles: ['agency-admin', 'platform-admin'],
    owns: /^\/admin\/staff(\/|\?|$)/,
  },
] as const;

/**
 * The staff area's navigation for whoever is signed in: caseworkers find a submission by
 * reference and list a form's submissions; the service team lists submissions and sees the
 * figures; an agency's administrator manages its staff; the platform team sees the platform
 * overview and manages every agency's staff. Nobody signed in: none.
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
    text: t(section.text),
    active: section.owns.test(path),
  }));
}
