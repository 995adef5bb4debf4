/** A page as a browser got it: status, where a redirect points, the HTML. */
export interface Page {
  status: number;
  location: string | undefined;
  html: string;
  /** Milliseconds from sending the request to reading the whole body. */
  ms: number;
}

/** Chooses the address (`http://127.0.0.1:port`) of the process a request goes to. */
export type Route = (path: string) => string;

/**
 * A browser over real HTTP (fetch): keeps its cookies and the last CSRF token, follows nothing by
 * itself, and sends each request to the process `route` picks, so one visit can hop between
 * processes as it would behind a load balancer without sticky sessions.
 */
export class HttpVisitor {
  private readonly cookies = new Map<string, string>();
  csrf = '';
  /** How long each request took, in milliseconds, in order. */
  readonly timings: number[] = [];

  constructor(private readonly route: Route) {}

  /** The cookies as a `Cookie` header, to share this visit with another client. */
  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Another browser tab of this visit (its cookies and CSRF token), sent where `route` picks. */
  tab(route: Route): HttpVisitor {
    const copy = new HttpVisitor(route);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    copy.csrf = this.csrf;
    return copy;
  }

  async get(path: string): Promise<Page> {
    return this.send(path, { method: 'GET' });
  }

  /** Posts a form as a browser would, with the CSRF token of the last page read. */
  async post(path: string, fields: Record<string, string | string[]>): Promise<Page> {
    const body = new URLSearchParams({ _csrf: this.csrf });
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    }
    return this.send(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /**
   * Posts a page with files as a browser does: `multipart/form-data`, the CSRF token in its own
   * field, each file under its input's name.
   */
  async postFiles(
    path: string,
    fields: Record<string, string>,
    files: Array<{ field: string; name: string; type: string; bytes: Buffer }>,
  ): Promise<Page> {
    const body = new FormData();
    body.append('_csrf', this.csrf);
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    for (const file of files) {
      body.append(
        file.field,
        new Blob([new Uint8Array(file.bytes)], { type: file.type }),
        file.name,
      );
    }
    return this.send(path, { method: 'POST', body });
  }

  /** Gets a page, posts answers to it and returns where the redirect points (or throws). */
  async answer(path: string, fields: Record<string, string | string[]>): Promise<string> {
    await this.get(path);
    const page = await this.post(path, fields);
    if (page.status !== 303 || !page.location) {
      throw new Error(`POST ${path} answered ${page.status}, not a redirect`);
    }
    return page.location;
  }

  private async send(path: string, init: RequestInit): Promise<Page> {
    const started = performance.now();
    const response = await fetch(`${this.route(path)}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    const ms = performance.now() - started;
    this.timings.push(ms);
    return {
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      html,
      ms,
    };
  }
}
