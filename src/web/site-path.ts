/** Stands for this site when checking where a link goes; never shown. */
const THIS_SITE = 'https://this-site.invalid';

/**
 * A path taken from a request (its path, a Referer), made safe to link to: always a path on this
 * site. Browsers read `//host` and `/\host` as another site, so leading slashes and backslashes
 * become one `/`; whatever a browser would still take elsewhere (WHATWG URL parsing, which ignores
 * tabs and newlines) gives `/`.
 *
 * @example
 *   sitePath('//evil.example/x'); // '/evil.example/x'
 *   sitePath('/parking-permit/contact'); // '/parking-permit/contact'
 */
export function sitePath(path: string): string {
  const single = `/${path.replace(/^[\\/\s]+/, '')}`;
  try {
    return new URL(single, THIS_SITE).origin === THIS_SITE ? single : '/';
  } catch {
    return '/';
  }
}

/**
 * The path of a Referer header when it is a page of this site under `prefix` (it names this site's
 * path, whatever host it gives, so it never leads elsewhere), otherwise undefined.
 */
export function refererPath(referer: string | undefined, prefix: string): string | undefined {
  if (!referer) return undefined;
  let url: URL;
  try {
    url = new URL(referer, THIS_SITE);
  } catch {
    return undefined;
  }
  const path = sitePath(url.pathname);
  return path === prefix || path.startsWith(`${prefix}/`) ? `${path}${url.search}` : undefined;
}
