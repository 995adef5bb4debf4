/** One jest project per kind of test, told apart by the file name. */
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
  // Most of a test file's time is spent waiting (on Chromium, PostgreSQL, a spawned server or the
  // command line), not computing: on this 2-core machine the suite used about a third of the CPU
  // with two workers. Four keep both cores busy (a full run: 1,230 s with two, 886 s with four, the
  // machine loaded by other work both times).
  maxWorkers: 4,
  // The slowest kinds of file start first, so none starts last and runs alone (test/support/sequencer.js).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.browser\\.test\\.ts$'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout.ts'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.browser.test.ts'],
      // Real Chromium: slower than a unit test, so each browser test may take up to two minutes.
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/timeout.ts'],
    },
  ],
};
