/** One jest project per kind of test, told apart by the file name. */
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
  // Jest's default on a 2-core machine is one worker, which runs the unit and browser projects one
  // after the other; two overlap Chromium's waits with the unit tests (13 min -> 9 min here).
  maxWorkers: 2,
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
