import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobUnreadable, newBlobKey } from '../../src/uploads/blob-store';
import { createFolderBlobStore } from '../../src/uploads/folder-blob-store';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'uploads');
const payslip = fs.readFileSync(path.join(FIXTURES, 'payslip.pdf'));
const KEY = randomBytes(32);

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort();
}

describe('createFolderBlobStore', () => {
  let dataDir: string;
  let dir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-blobs-'));
    dir = path.join(dataDir, 'uploads');
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('gives back what was put, and nothing for a key never used', async () => {
    const blobs = createFolderBlobStore({ dir, keyring: { current: KEY } });
    const key = newBlobKey();

    await blobs.put(key, payslip);

    expect(await blobs.get(key)).toEqual(payslip);
    expect(await blobs.get(newBlobKey())).toBeUndefined();
  });

  it('keeps one encrypted file per blob, readable by the service only, never the plaintext', async () => {
    const blobs = createFolderBlobStore({ dir, keyring: { current: KEY } });
    const key = newBlobKey();

    await blobs.put(key, payslip);

    const files = filesUnder(dir);
    expect(files).toEqual([path.join(key.slice(0, 2), `${key}.blob`)]);
    const onDisk = fs.readFileSync(path.join(dir, files[0] ?? ''));
    expect(onDisk.length).toBe(payslip.length + 40);
    expect(onDisk.includes(payslip.subarray(0, 8))).toBe(false);
    expect(onDisk.includes(Buffer.from('Payslip'))).toBe(false);
    expect(fs.statSync(path.join(dir, files[0] ?? '')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, key.slice(0, 2))).mode & 0o777).toBe(0o700);
  });

  it('refuses a file altered on disk', async () => {
    const blobs = createFolderBlobStore({ dir, keyring: { current: KEY } });
    const key = newBlobKey();
    await blobs.put(key, payslip);
    const file = path.join(dir, key.slice(0, 2), `${key}.blob`);
    const altered = fs.readFileSync(file);
    altered[altered.length - 100] = (altered[altered.length - 100] ?? 0) ^ 0xff;
    fs.writeFileSync(file, altered);

    await expect(blobs.get(key)).rejects.toEqual(new BlobUnreadable(key, 'tampered'));
  });

  it('replaces a blob put again under its key', async () => {
    const blobs = createFolderBlobStore({ dir, keyring: { current: KEY } });
    const key = newBlobKey();

    await blobs.put(key, payslip);
    await blobs.put(key, Buffer.from('second version'));

    expect(await blobs.get(key)).toEqual(Buffer.from('second version'));
    expect(filesUnder(dir)).toHaveLength(1);
  });

  it('deletes a blob so nothing of it is left on disk, and deleting again is not an error', async () => {
    const blobs = createFolderBlobStore({ dir, keyring: { current: KEY } });
    const key = newBlobKey();
    const kept = newBlobKey();
    await blobs.put(key, payslip);
    await blobs.put(kept, payslip);

    await blobs.delete(key);
    await blobs.delete(key);

    expect(await blobs.get(key)).toBeUndefined();
    expect(filesUnder(dir)).toEqual([path.join(kept.slice(0, 2), `${kept}.blob`)]);
    expect(await blobs.get(kept)).toEqual(payslip);
  });

  it('reads blobs written before a key rotation', async () => {
    const key = newBlobKey();
    await createFolderBlobStore({ dir, keyring: { current: KEY } }).put(key, payslip);
    const newKey = randomBytes(32);

    const rotated = createFolderBlobStore({ dir, keyring: { current: newKey, previous: [KEY] } });
    const withoutOld = createFolderBlobStore({ dir, keyring: { current: newKey } });

    expect(await rotated.get(key)).toEqual(payslip);
    await expect(withoutOld.get(key)).rejects.toEqual(new BlobUnreadable(key, 'unknownKey'));
    // Putting a blob again seals it with the current key: the old key is then no longer needed.
    await rotated.put(key, (await rotated.get(key)) ?? Buffer.alloc(0));
    expect(await withoutOld.get(key)).toEqual(payslip);
  });

  it.each(['../../etc/passwd', 'short', 'with space 123', 'a/b/c/d/e/f'])(
    'refuses the key %j rather than touch a path outside its folder',
    async (key) => {
      const blobs = createFolderBlobStore({ dir, keyring: { current: KEY } });
      await expect(blobs.put(key, payslip)).rejects.toThrow('expected 8 to 128 letters');
      await expect(blobs.get(key)).rejects.toThrow('expected 8 to 128 letters');
      expect(fs.existsSync(dir)).toBe(false);
    },
  );
});
