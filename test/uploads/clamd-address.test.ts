import { ClamdAddressInvalid, parseClamdAddress } from '../../src/uploads/clamd-address';

describe('parseClamdAddress', () => {
  it('reads host:port', () => {
    expect(parseClamdAddress('127.0.0.1:3310')).toEqual({ host: '127.0.0.1', port: 3310 });
    expect(parseClamdAddress('clamav.internal:3310')).toEqual({
      host: 'clamav.internal',
      port: 3310,
    });
  });

  it('reads a bracketed IPv6 address', () => {
    expect(parseClamdAddress('[::1]:3310')).toEqual({ host: '::1', port: 3310 });
  });

  it('reads an absolute socket path, spaces around it ignored', () => {
    expect(parseClamdAddress(' /run/clamav/clamd.ctl ')).toEqual({
      socket: '/run/clamav/clamd.ctl',
    });
  });

  it.each([
    '',
    'localhost',
    '127.0.0.1:',
    ':3310',
    '127.0.0.1:0',
    '127.0.0.1:65536',
    'clamd.ctl',
    'tcp://127.0.0.1:3310',
    '::1:3310',
  ])('refuses %j, saying what it expects', (text) => {
    expect(() => parseClamdAddress(text)).toThrow(ClamdAddressInvalid);
    expect(() => parseClamdAddress(text)).toThrow(
      `CLAMD_ADDRESS: expected host:port (like 127.0.0.1:3310) or an absolute path to clamd's socket (like /run/clamav/clamd.ctl), found ${JSON.stringify(text)}`,
    );
  });
});
