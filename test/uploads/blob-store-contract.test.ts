import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../../src/store/store';
import { BlobUnreadable, newBlobKey, type BlobStore } from '../../src/uploads/blob-store';
import { createDatabaseBlobStore } from '../../src/uploads/database-blob-store';
import { createFolderBlobStore } from '../../src/uploads/folder-blob-store';
import { DATABASES, newTestLocation, openStoreAt } from '../store/support/databases';

const payslip = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'uploads', 'payslip.pdf'));
const KEY = randomBytes(32);

/** One kind of blob store, and a second one on the same storage, as another process would open. */
interface Opened {
  blobs: BlobStore;
  other: BlobStore;
  close(): Promise<void>;
}

const KINDS: Array<[string, () => Promise<Opened>]> = [
  [
    'the encrypted folder',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-blobs-'));
      const dir = path.join(dataDir, 'uploads');
      return {
        blobs: createFolderBlobStore({ dir, keyring: { current: KEY } }),
        other: createFolderBlobStore({ dir, keyring: { current: KEY } }),
        close: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  ],
  ...DATABASES.map((kind): [string, () => Promise<Opened>] => [
    `the database on ${kind}`,
    async () => {
      const location = await newTestLocation(kind);
      const stores: Store[] = [await openStoreAt(location), await openStoreAt(location)];
      const [one, two] = stores as [Store, Store];
      return {
        blobs: createDatabaseBlobStore({ blobs: one.blobs, keyring: { current: KEY } }),
        other: createDatabaseBlobStore({ blobs: two.blobs, keyring: { current: KEY } }),
        close: async () => {
          await Promise.all(stores.map((s) => s.close()));
        },
      };
    },
  ]),
];

async function keysOf(list: AsyncIterable<string>): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of list) keys.push(key);
  return keys.sort();
}

describe.each(KINDS)('BlobStore contract: %s', (_name, open) => {
  let opened: Opened;
  beforeEach(async () => {
    opened = await open();
  }, 60_000);
  afterEach(() => opened.close());

  it('gives back what was put, to this process and another, and nothing for a key never used', async () => {
    const key = newBlobKey();
    await opened.blobs.put(key, payslip);

    expect(await opened.blobs.get(key)).toEqual(payslip);
    expect(await opened.other.get(key)).toEqual(payslip);
    expect(await opened.blobs.get(newBlobKey())).toBeUndefined();
  });

  it('keeps a file of several megabytes byte for byte', async () => {
    const photo = randomBytes(3 * 1024 * 1024 + 12_345);
    const key = newBlobKey();
    await opened.blobs.put(key, photo);

    expect((await opened.other.get(key))?.equals(photo)).toBe(true);
  }, 60_000);

  it('keeps an empty file as empty', async () => {
    const key = newBlobKey();
    await opened.blobs.put(key, Buffer.alloc(0));

    expect(await opened.blobs.get(key)).toEqual(Buffer.alloc(0));
  });

  it('replaces what a key held when it is put again', async () => {
    const key = newBlobKey();
    await opened.blobs.put(key, payslip);
    await opened.blobs.put(key, Buffer.from('second version'));

    expect(await opened.other.get(key)).toEqual(Buffer.from('second version'));
    expect(await keysOf(opened.blobs.list(Date.now() + 60_000))).toEqual([key]);
  });

  it('deletes a file for every process, and deleting again is not an error', async () => {
    const key = newBlobKey();
    const kept = newBlobKey();
    await opened.blobs.put(key, payslip);
    await opened.blobs.put(kept, payslip);

    await opened.other.delete(key);
    await opened.blobs.delete(key);

    expect(await opened.blobs.get(key)).toBeUndefined();
    expect(await opened.blobs.get(kept)).toEqual(payslip);
  });

  it('lists the keys stored before a time, and none stored after it', async () => {
    const before = Date.now() - 60_000;
    const keys = [newBlobKey(), newBlobKey(), newBlobKey()];
    for (const key of keys) await opened.blobs.put(key, Buffer.from(key));

    expect(await keysOf(opened.other.list(Date.now() + 60_000))).toEqual([...keys].sort());
    expect(await keysOf(opened.blobs.list(before))).toEqual([]);
  });

  it('refuses a key that is not one newBlobKey makes, before touching the storage', async () => {
    await expect(opened.blobs.put('../../etc/passwd', payslip)).rejects.toThrow(TypeError);
    await expect(opened.blobs.get('a b')).rejects.toThrow(TypeError);
  });
});

describe.each(DATABASES)('createDatabaseBlobStore on %s', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openStoreAt(await newTestLocation(kind));
  }, 60_000);
  afterEach(() => store.close());

  const storedBytes = async () =>
    Buffer.concat(
      (await store.inspect.rows('upload_blob_chunks')).map((row) =>
        Buffer.from(row.bytes as Buffer),
      ),
    );

  it('keeps the bytes encrypted in the database with a key, never the plaintext', async () => {
    const blobs = createDatabaseBlobStore({ blobs: store.blobs, keyring: { current: KEY } });
    const key = newBlobKey();
    await blobs.put(key, payslip);

    const inTable = await storedBytes();
    expect(inTable.length).toBe(payslip.length + 40);
    expect(inTable.includes(payslip.subarray(0, 8))).toBe(false);
    expect(await store.inspect.rows('upload_blobs')).toEqual([
      expect.objectContaining({ key, size: payslip.length + 40, chunks: 1, sealed: 1 }),
    ]);
  });

  it('keeps the bytes as they came without a key, and reads them after a key is set', async () => {
    const key = newBlobKey();
    await createDatabaseBlobStore({ blobs: store.blobs }).put(key, payslip);

    expect((await storedBytes()).equals(payslip)).toBe(true);
    const keyed = createDatabaseBlobStore({ blobs: store.blobs, keyring: { current: KEY } });
    expect(await keyed.get(key)).toEqual(payslip);
  });

  it('never serves a sealed file it has no key for', async () => {
    const key = newBlobKey();
    await createDatabaseBlobStore({ blobs: store.blobs, keyring: { current: KEY } }).put(
      key,
      payslip,
    );

    const other = createDatabaseBlobStore({
      blobs: store.blobs,
      keyring: { current: randomBytes(32) },
    });
    await expect(other.get(key)).rejects.toEqual(new BlobUnreadable(key, 'unknownKey'));
    await expect(createDatabaseBlobStore({ blobs: store.blobs }).get(key)).rejects.toBeInstanceOf(
      BlobUnreadable,
    );
  });

  it('stores a large file in pieces of 1 MiB', async () => {
    const key = newBlobKey();
    await createDatabaseBlobStore({ blobs: store.blobs }).put(key, randomBytes(2.5 * 1024 * 1024));

    const pieces = await store.inspect.rows('upload_blob_chunks');
    expect(pieces.map((p) => [p.seq, Buffer.from(p.bytes as Buffer).length])).toEqual([
      [0, 1024 * 1024],
      [1, 1024 * 1024],
      [2, 512 * 1024],
    ]);
  });
});
