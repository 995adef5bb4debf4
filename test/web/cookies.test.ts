import { readCookie } from '../../src/web/cookies';

describe('readCookie', () => {
  const header = 'xcivic.sid=not-this; civic.lang=cy;civic.sid=s%3Aabc.d%2Fef%3D ;  theme=dark';

  it('finds a cookie by its whole name, wherever it is in the header, URL-decoded', () => {
    expect(readCookie(header, 'civic.sid')).toBe('s:abc.d/ef=');
    expect(readCookie(header, 'civic.lang')).toBe('cy');
    expect(readCookie(header, 'theme')).toBe('dark');
    expect(readCookie(header, 'xcivic.sid')).toBe('not-this');
  });

  it('gives the first of two cookies of one name, as a browser sends the more specific first', () => {
    expect(readCookie('a=1; a=2', 'a')).toBe('1');
  });

  it('gives nothing for a cookie not sent, no header, or a value that cannot be decoded', () => {
    expect(readCookie(header, 'civic')).toBeUndefined();
    expect(readCookie(undefined, 'civic.sid')).toBeUndefined();
    expect(readCookie('', 'civic.sid')).toBeUndefined();
    expect(readCookie('civic.sid=%E0%A4%A', 'civic.sid')).toBeUndefined();
  });
});
