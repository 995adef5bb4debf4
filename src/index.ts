/** civic-forms as a library: build the service from an agency's own forms folder. */
export { createApp, type AppOptions, type CivicFormsApp } from './web/app';
export { readConfig, resolveConfig, type Config } from './config';
export { loadForms, checkDefinitions, parseDefinition, DefinitionError } from './definition/load';
export { formatProblem, type Problem } from './definition/problem';
export type * from './definition/types';
export { openSqliteStore } from './store/sqlite-store';
export type { Store, Submission } from './store/store';
export { walk, activeAnswers } from './engine/journey';
export { questionTypes } from './questions/registry';
export { openSavedDraft, type OpenOutcome } from './resume/open-saved-draft';
export { saveForLater } from './resume/save-for-later';
export { resumePolicy } from './resume/resume-policy';
export type { ResumeMessage, ResumeSender } from './resume/resume-sender';
