/** The value of one cookie in a request's Cookie header, URL-decoded, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  const raw = header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
