import type { RequestHandler, Response } from 'express';
import type { Config } from '../config';
import type { FormCatalogue } from '../publishing/form-catalogue';

/** The address of the live reload's event stream: mounted only in development (docs/publishing.md). */
export const LIVE_RELOAD_PATH = '/__civic-forms/reload';

/** The event a page is sent when the forms it shows changed. */
const FORMS_CHANGED = 'event: forms-changed\ndata: forms-changed\n\n';

/** Development's live reload: the event stream's route, and the way to end its open streams. */
export interface LiveReload {
  route: RequestHandler;
  /** Ends every open stream, so the pages still listening do not hold a closing server open. */
  close(): void;
}

/**
 * The live reload of development: a server-sent-events stream that tells each open page when the
 * watched forms folder changed (the page's `assets/live-reload.js` then loads it again). Undefined,
 * so never mounted, in production, with published versions as the source, or when the folder is not
 * watched.
 *
 * @example
 *   const liveReload = createLiveReload(config, forms);
 *   if (liveReload) app.get(LIVE_RELOAD_PATH, liveReload.route);
 */
export function createLiveReload(
  config: Pick<Config, 'env' | 'formsSource'>,
  forms: Pick<FormCatalogue, 'onFolderChange'>,
): LiveReload | undefined {
  const onFolderChange = forms.onFolderChange;
  if (config.env === 'production' || config.formsSource !== 'folder' || !onFolderChange) {
    return undefined;
  }
  const open = new Set<Response>();
  const route: RequestHandler = function liveReloadStream(req, res) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    // Sent at once: the browser (and a test) knows the stream is open; reconnect within a second.
    res.write('retry: 1000\n\n');
    const stop = onFolderChange(() => res.write(FORMS_CHANGED));
    open.add(res);
    req.on('close', () => {
      stop();
      open.delete(res);
    });
  };
  return {
    route,
    close() {
      for (const res of open) res.end();
      open.clear();
    },
  };
}
