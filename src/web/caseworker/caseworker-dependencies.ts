import type { FormCatalogue } from '../../publishing/form-catalogue';
import type { DestinationsConfig } from '../../delivery/destination';
import type { i18n } from 'i18next';
import type { Agencies } from '../../agency/agencies';
import type { Authenticator } from '../../caseworker/authenticator';
import type { SignInThrottle } from '../../caseworker/sign-in-throttle';
import type { ResumePolicy } from '../../resume/resume-policy';
import type { Store } from '../../store/store';
import type { JourneyEvents } from '../kpi/kpi-events';
import type { Render } from '../render';
import type { FileUploads } from '../uploads/file-uploads';

/** What the caseworker area's routes need. */
export interface CaseworkerDependencies {
  forms: FormCatalogue;
  /** Which agency each form belongs to: staff see only their own agency's. */
  agencies: Agencies;
  store: Store;
  render: Render;
  i18n: i18n;
  authenticator: Authenticator;
  throttle: SignInThrottle;
  /** Minutes without a request before a caseworker's sign-in ends. */
  idleMinutes: number;
  /** Save-and-return settings, for picking up a form a caller saved (its limits on tries). */
  resumePolicy: ResumePolicy;
  /** Records journey events for the KPIs: staff journeys count in every figure, by channel. */
  kpi?: JourneyEvents;
  /** Takes in files on pages with file questions (the caller's, sent by email or post). */
  uploads?: FileUploads;
  /** Where submissions go: staff journeys are delivered as online ones are. */
  destinations: DestinationsConfig;
}
