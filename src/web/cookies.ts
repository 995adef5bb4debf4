/**
 * The value of one cookie in a request's Cookie header, URL-decoded, or undefined. Read on every
 * request (the session's, the language's), so it looks for the name without splitting the header.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const wanted = `${name}=`;
  let at = 0;
  while (at < header.length) {
    while (header.charCodeAt(at) === 32 || header.charCodeAt(at) === 9) at += 1;
    const end = header.indexOf(';', at);
    const stop = end === -1 ? header.length : end;
    if (header.startsWith(wanted, at)) {
      try {
        return decodeURIComponent(header.slice(at + wanted.length, stop).trim());
      } catch {
        return undefined;
      }
    }
    at = stop + 1;
  }
  return undefined;
}
