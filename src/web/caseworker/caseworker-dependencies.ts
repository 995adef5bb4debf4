import type { i18n } from 'i18next';
import type { Authenticator } from '../../caseworker/authenticator';
import type { SignInThrottle } from '../../caseworker/sign-in-throttle';
import type { FormDefinition } from '../../definition/types';
import type { Store } from '../../store/store';
import type { Render } from '../render';

/** What the caseworker area's routes need. */
export interface CaseworkerDependencies {
  forms: ReadonlyMap<string, FormDefinition>;
  store: Store;
  render: Render;
  i18n: i18n;
  authenticator: Authenticator;
  throttle: SignInThrottle;
  /** Minutes without a request before a caseworker's sign-in ends. */
  idleMinutes: number;
}
