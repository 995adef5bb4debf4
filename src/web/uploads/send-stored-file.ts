import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { FILE_KINDS } from '../../uploads/file-kind';
import type { StoredFile } from '../../uploads/stored-file';

/** Thrown when a file's bytes no longer match the SHA-256 its answer recorded. */
export class FileAltered extends Error {
  constructor(readonly fileId: string) {
    super(`file ${fileId} does not match its SHA-256`);
    this.name = 'FileAltered';
  }
}

/**
 * Sends a stored file as a download: its type from its content, its name as the person gave it
 * (`Content-Disposition: attachment`, encoded for any language), never cached, never run as a
 * page (`nosniff`, a sandboxing CSP). Throws `FileAltered` rather than send bytes that are not the
 * file the answer describes.
 */
export function sendStoredFile(res: Response, file: StoredFile, bytes: Buffer): void {
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
    throw new FileAltered(file.id);
  }
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.attachment(file.name);
  res.type(FILE_KINDS[file.kind].mimeType);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}
