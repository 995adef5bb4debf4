import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Draft } from '../../src/engine/answers';
import { ownedBlobKey, blobOwner } from '../../src/uploads/blob-store';
import { deleteBlobsNotIn, sweepBlobs } from '../../src/uploads/blob-sweep';
import { createFolderBlobStore } from '../../src/uploads/folder-blob-store';
import type { StoredFile } from '../../src/uploads/stored-file';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { tempDataDir } from '../support/agent';

const payslip = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'uploads', 'payslip.pdf'));
const LATER = Date.now() + 60_000;

function draftWith(files: Record<string, StoredFile[]>, id = randomUUID()): Draft {
  const now = Date.now();
  return {
    id,
    formId: 'council-tax-evidence',
    formVersion: '1.0',
    answers: files,
    done: [],
    language: 'en',
    channel: 'online',
    createdAt: now,
    updatedAt: now,
  };
}

const fileFor = (id: string): StoredFile => ({
  id,
  name: 'payslip.pdf',
  size: payslip.length,
  kind: 'pdf',
  sha256: 'c'.repeat(64),
});

describe('sweeping uploaded files', () => {
  let store: Store;
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDataDir();
    store = openSqliteStore({ file: path.join(dataDir, 'civic-forms.sqlite') });
  });
  afterEach(() => store.close());

  const blobsIn = () =>
    createFolderBlobStore({ dir: path.join(dataDir, 'uploads'), keyring: { current: KEY } });
  const KEY = randomBytes(32);

  it('names the transaction a file belongs to in its key', () => {
    const owner = randomUUID();
    const key = ownedBlobKey(owner);
    expect(blobOwner(key)).toBe(owner);
    expect(key).not.toBe(ownedBlobKey(owner));
  });

  it('keeps the files drafts and submissions hold, and deletes the rest', async () => {
    const blobs = blobsIn();
    const kept = draftWith({});
    const held = ownedBlobKey(kept.id);
    const removed = ownedBlobKey(kept.id);
    kept.answers.payslips = [fileFor(held)];
    await store.journeys.saveDraft(kept);

    const cleared = draftWith({});
    const ofCleared = ownedBlobKey(cleared.id);
    cleared.answers.payslips = [fileFor(ofCleared)];
    await store.journeys.saveDraft(cleared);
    await store.journeys.deleteDraft(cleared.id);

    const sent = draftWith({});
    const ofSent = ownedBlobKey(sent.id);
    sent.answers.payslips = [fileFor(ofSent)];
    await store.journeys.saveDraft(sent);
    await store.journeys.submit(sent, sent.answers, Date.now());

    for (const key of [held, removed, ofCleared, ofSent]) await blobs.put(key, payslip);

    expect(await sweepBlobs(blobs, store.journeys, LATER)).toBe(2);
    expect(await blobs.get(held)).toEqual(payslip);
    expect(await blobs.get(ofSent)).toEqual(payslip);
    expect(await blobs.get(removed)).toBeUndefined();
    expect(await blobs.get(ofCleared)).toBeUndefined();
  });

  it('leaves a file stored within the grace period alone, its draft perhaps not yet saved', async () => {
    const blobs = blobsIn();
    const key = ownedBlobKey(randomUUID());
    await blobs.put(key, payslip);
    expect(await sweepBlobs(blobs, store.journeys, Date.now() - 60 * 60_000)).toBe(0);
    expect(await blobs.get(key)).toEqual(payslip);
  });

  it('deletes the files not in a list of those to keep (for a store that can list them)', async () => {
    const blobs = blobsIn();
    const keep = ownedBlobKey(randomUUID());
    const drop = ownedBlobKey(randomUUID());
    await blobs.put(keep, payslip);
    await blobs.put(drop, payslip);
    expect(await deleteBlobsNotIn(blobs, new Set([keep]), LATER)).toBe(1);
    expect(await blobs.get(keep)).toEqual(payslip);
    expect(await blobs.get(drop)).toBeUndefined();
  });

  it('finds nothing to sweep before the first file, and clears a write a crash left half done', async () => {
    const blobs = blobsIn();
    expect(await sweepBlobs(blobs, store.journeys, LATER)).toBe(0);
    const key = ownedBlobKey(randomUUID());
    await blobs.put(key, payslip);
    const folder = path.join(dataDir, 'uploads', key.slice(0, 2));
    const half = path.join(folder, `${key}.blob.${randomUUID()}.tmp`);
    fs.writeFileSync(half, 'half a file');
    await sweepBlobs(blobs, store.journeys, LATER);
    expect(fs.existsSync(half)).toBe(false);
  });
});
