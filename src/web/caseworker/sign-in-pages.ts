import type { Request, Response, Router } from 'express';
import { normaliseUsername } from '../../caseworker/username';
import type { Role } from '../../store/accounts';
import { tOf } from '../render';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { endSignIn, startSignIn } from './caseworker-session';

const HOME = '/caseworker';

/**
 * Where each role starts: caseworkers here, the service team on its dashboard, an agency's
 * administrator on its staff page, the platform team on the platform overview.
 */
const HOME_OF: Record<Role, string> = {
  caseworker: HOME,
  'service-team': '/dashboard',
  'agency-admin': '/admin/staff',
  'platform-admin': '/admin/platform',
};

/** A page of the staff areas to go back to after signing in; never another site. */
function safeReturn(value: unknown): string | undefined {
  const path = typeof value === 'string' ? value : '';
  return /^\/(caseworker|dashboard|admin)([/?][\w\-./?=&%]*)?$/.test(path) && !path.includes('//')
    ? path
    : undefined;
}

type Field = 'username' | 'password';

interface SignInState {
  username?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  returnTo?: string;
  status?: number;
}

function renderSignIn(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
  state: SignInState,
) {
  const t = tOf(res, deps);
  const fieldErrors = state.fieldErrors ?? {};
  const errors = (Object.entries(fieldErrors) as Array<[Field, string]>).map(([field, text]) => ({
    text,
    href: `#${field}`,
  }));
  const banner =
    errors.length > 0
      ? undefined
      : req.query.expired === '1'
        ? {
            title: t('caseworker:signIn.expiredTitle'),
            text: t('caseworker:signIn.expired', { count: deps.idleMinutes }),
          }
        : req.query.signedOut === '1'
          ? {
              type: 'success',
              title: t('caseworker:signIn.signedOutTitle'),
              text: t('caseworker:signIn.signedOut'),
            }
          : undefined;
  renderCaseworker(
    deps,
    req,
    res,
    'sign-in.njk',
    {
      pageTitle: t('caseworker:signIn.title'),
      username: state.username,
      fieldErrors,
      errors,
      banner,
      returnTo: state.returnTo,
    },
    state.status,
  );
}

/** The password sign-in page (GET, POST) and sign-out (POST), outside `requireRole`. */
export function addSignInPages(router: Router, deps: CaseworkerDependencies): void {
  router.get('/sign-in', async (req, res) => {
    const held = req.session?.caseworker;
    const returnTo = safeReturn(req.query.return);
    if (held && held.expiresAt > Date.now()) {
      // Still signed in (the time-out warning of a tab left open sends here when its time is up,
      // while another tab kept the sign-in alive): straight back to that page of the role's area.
      const home = HOME_OF[held.principal.role];
      return res.redirect(303, returnTo?.startsWith(home) ? returnTo : home);
    }
    if (held) {
      // Idle too long, and this page is the first to notice: end it as requireRole would.
      await auditRequest(deps.store, req, {
        action: 'sign-out',
        actor: held.principal,
        detail: 'idle',
      });
      await endSignIn(req, res);
      return res.redirect(303, req.originalUrl);
    }
    renderSignIn(deps, req, res, { returnTo });
  });

  router.post('/sign-in', async (req, res) => {
    const t = tOf(res, deps);
    const body = req.body as Record<string, unknown>;
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const returnTo = safeReturn(body.return);
    const state: SignInState = { username, returnTo };
    const required: SignInState['fieldErrors'] = {};
    if (!username) required.username = t('caseworker:signIn.errors.usernameRequired');
    if (!password) required.password = t('caseworker:signIn.errors.passwordRequired');
    if (required.username || required.password) {
      return renderSignIn(deps, req, res, { ...state, fieldErrors: required, status: 400 });
    }

    const ip = req.ip ?? 'unknown';
    const typed = { username: normaliseUsername(username) };
    const lockedUntil = await deps.throttle.lockedUntil(username, ip, Date.now());
    const locked = (until: number) => {
      req.log.info({ reqId: req.id, code: 'SIGN_IN_LOCKED' }, 'sign-in refused');
      const count = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
      const text = t('caseworker:signIn.errors.locked', { count });
      renderSignIn(deps, req, res, { ...state, fieldErrors: { username: text }, status: 429 });
    };
    if (lockedUntil) {
      await auditRequest(deps.store, req, {
        action: 'sign-in-failed',
        actor: typed,
        detail: 'locked',
      });
      return locked(lockedUntil);
    }

    const result = await deps.authenticator.verify({ username, password });
    if (!result.ok) {
      const nowLocked = await deps.throttle.failed(username, ip, Date.now());
      await auditRequest(deps.store, req, {
        action: 'sign-in-failed',
        actor: typed,
        detail: result.reason,
      });
      if (nowLocked) return locked(nowLocked);
      // The same words whether the username is unknown, the password wrong or the account disabled.
      const text = t('caseworker:signIn.errors.wrongCredentials');
      return renderSignIn(deps, req, res, {
        ...state,
        fieldErrors: { username: text },
        status: 400,
      });
    }

    await deps.throttle.succeeded(username);
    await startSignIn(req, result.principal, deps.idleMinutes);
    await auditRequest(deps.store, req, {
      action: 'sign-in',
      actor: result.principal,
      detail: deps.authenticator.kind,
    });
    res.redirect(303, returnTo ?? HOME_OF[result.principal.role]);
  });

  router.post('/sign-out', async (req, res) => {
    const held = req.session?.caseworker;
    if (held) {
      await auditRequest(deps.store, req, { action: 'sign-out', actor: held.principal });
      await endSignIn(req, res);
    }
    res.redirect(303, '/caseworker/sign-in?signedOut=1');
  });
}
