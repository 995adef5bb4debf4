import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { BlobUnreadable } from './blob-store';

/**
 * The keys files are encrypted with: new files with `current`; files sealed with a key in
 * `previous` can still be read (key rotation: see docs/configuration.md).
 */
export interface EncryptionKeyring {
  current: Buffer;
  previous?: readonly Buffer[];
}

const MAGIC = Buffer.from('CFB1');
const KEY_ID_BYTES = 8;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + NONCE_BYTES + TAG_BYTES;

/** Names a key without revealing it: the sealed file says which key opens it. */
function keyId(key: Buffer): Buffer {
  return createHash('sha256')
    .update('civic-forms blob key id\0')
    .update(key)
    .digest()
    .subarray(0, KEY_ID_BYTES);
}

/**
 * Reads a 256-bit key written in base64 (`openssl rand -base64 32`), saying what is wrong otherwise.
 *
 * @example
 *   parseEncryptionKey(config.fileEncryptionKey, 'FILE_ENCRYPTION_KEY');
 */
export function parseEncryptionKey(text: string, name: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== 32) {
    throw new Error(
      `${name}: expected 32 random bytes in base64 (make one with: openssl rand -base64 32), ` +
        `found ${key.length} bytes`,
    );
  }
  return key;
}

/**
 * Encrypts a blob with AES-256-GCM under the keyring's current key and a random 96-bit nonce. The
 * blob's key is authenticated with it, so a file moved under another key is refused as tampered.
 * Layout: `CFB1`, key id (8 bytes), nonce (12), tag (16), ciphertext.
 */
export function sealBlob(blobKey: string, bytes: Buffer, keyring: EncryptionKeyring): Buffer {
  const id = keyId(keyring.current);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current, nonce);
  cipher.setAAD(Buffer.concat([MAGIC, id, Buffer.from(blobKey, 'utf8')]));
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([MAGIC, id, nonce, cipher.getAuthTag(), ciphertext]);
}

/** Decrypts a sealed blob with whichever key of the keyring sealed it; `BlobUnreadable` otherwise. */
export function openBlob(blobKey: string, sealed: Buffer, keyring: EncryptionKeyring): Buffer {
  if (sealed.length < HEADER_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BlobUnreadable(blobKey, 'notSealed');
  }
  let at = MAGIC.length;
  const id = sealed.subarray(at, (at += KEY_ID_BYTES));
  const nonce = sealed.subarray(at, (at += NONCE_BYTES));
  const tag = sealed.subarray(at, (at += TAG_BYTES));
  const key = [keyring.current, ...(keyring.previous ?? [])].find((k) => keyId(k).equals(id));
  if (!key) throw new BlobUnreadable(blobKey, 'unknownKey');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.concat([MAGIC, id, Buffer.from(blobKey, 'utf8')]));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(at)), decipher.final()]);
  } catch {
    throw new BlobUnreadable(blobKey, 'tampered');
  }
}
