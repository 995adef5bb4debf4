import { submittedOn } from '../../publishing/draft-version';
import { submissionFiles } from '../../delivery/payload-files';
import { fileSummaryLine } from '../../questions/file';
import type { Translate } from '../../questions/question-type';
import type { Submission } from '../../store/store';
import { storedFilesIn } from '../../uploads/stored-file';
import type { CaseworkerDependencies } from './caseworker-dependencies';

/** One file on a submission's page: a link that opens it (audited) and what it is. */
export interface SubmissionFileRow {
  href: string;
  name: string;
  details: string;
}

/**
 * The files a submission holds, in the order its form asks for them, each with the staff link
 * that opens it and its size, type and how it came ("received by post").
 */
export function submissionFileRows(
  deps: Pick<CaseworkerDependencies, 'forms'>,
  submission: Submission,
  context: { t: Translate; lang: string },
): SubmissionFileRow[] {
  const source = submittedOn(deps.forms, submission);
  const files = source ? submissionFiles(source, submission) : storedFilesIn(submission.answers);
  return files.map((file) => ({
    href: `/caseworker/submissions/${submission.reference}/files/${encodeURIComponent(file.id)}`,
    name: file.name,
    details: fileSummaryLine(file, context, false),
  }));
}
