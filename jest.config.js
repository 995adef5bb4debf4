/** One jest project per kind of test, told apart by the file name. */
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.browser\\.test\\.ts$'],
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
