import { kindWord, sizeText } from '../questions/file-words';
import { dateTimeWords } from '../questions/date-words';
import type { Translate } from '../questions/question-type';
import type { BlobStore } from '../uploads/blob-store';
import { FILE_KINDS } from '../uploads/file-kind';
import type { StoredFile } from '../uploads/stored-file';
import type { LinkOf } from './delivery-files';
import { FileMissing } from './payload-files';

/** A file attached to an email. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** How an email carries a submission's files: the lines saying so, and those attached. */
export interface EmailFiles {
  lines: string[];
  attachments: EmailAttachment[];
}

/**
 * The uploaded files of a submission for an email: attached in the answers' order while their
 * total stays within `limitBytes`, the rest as links (or listed only, without `linkOf`). The text
 * names each file, its size and type, and says whether it is attached or where to download it.
 * `t` is fixed to the form's own language.
 */
export async function emailFiles(
  files: readonly StoredFile[],
  options: { t: Translate; lang: string; limitBytes: number; blobs?: BlobStore; linkOf?: LinkOf },
): Promise<EmailFiles> {
  const { t, lang, blobs, linkOf } = options;
  if (files.length === 0) return { lines: [], attachments: [] };
  const lines = ['', t('delivery:email.files')];
  const attachments: EmailAttachment[] = [];
  let attached = 0;
  for (const file of files) {
    const details = t('questions:file.details', {
      size: sizeText(file.size, lang),
      type: kindWord(file.kind),
    });
    const fits = blobs !== undefined && attached + file.size <= options.limitBytes;
    if (fits) {
      const content = await blobs.get(file.id);
      if (!content) throw new FileMissing(file.id);
      attachments.push({
        filename: file.name,
        contentType: FILE_KINDS[file.kind].mimeType,
        content,
      });
      attached += file.size;
      lines.push(t('delivery:email.fileAttached', { name: file.name, details }));
    } else if (linkOf) {
      const link = linkOf(file.id);
      const until = dateTimeWords(link.expiresAt, lang);
      lines.push(
        t('delivery:email.fileLinked', { name: file.name, details, until, url: link.url }),
      );
    } else {
      lines.push(t('delivery:email.fileListed', { name: file.name, details }));
    }
  }
  return { lines, attachments };
}
