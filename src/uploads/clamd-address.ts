/** Where clamd listens: a TCP host and port, or a Unix socket path. */
export type ClamdAddress = { host: string; port: number } | { socket: string };

/** Thrown when `CLAMD_ADDRESS` is neither `host:port` nor an absolute socket path. */
export class ClamdAddressInvalid extends Error {
  constructor(found: string) {
    super(
      `CLAMD_ADDRESS: expected host:port (like 127.0.0.1:3310) or an absolute path to clamd's ` +
        `socket (like /run/clamav/clamd.ctl), found ${JSON.stringify(found)}`,
    );
    this.name = 'ClamdAddressInvalid';
  }
}

/**
 * Reads clamd's address as operators write it: `host:port`, `[ipv6]:port`, or an absolute socket path.
 *
 * @example
 *   parseClamdAddress('127.0.0.1:3310'); // { host: '127.0.0.1', port: 3310 }
 *   parseClamdAddress('/run/clamav/clamd.ctl'); // { socket: '/run/clamav/clamd.ctl' }
 */
export function parseClamdAddress(text: string): ClamdAddress {
  const value = text.trim();
  if (value.startsWith('/')) return { socket: value };
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(value);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (!host || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ClamdAddressInvalid(text);
  }
  return { host, port };
}
