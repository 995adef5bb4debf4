/**
 * The order jest starts test files in: the longest first, so no long file starts last and runs
 * alone while the other workers sit idle. Jest orders by each file's last duration where its cache
 * has one, and otherwise by file size, which on a clean clone (CI) put the accessibility suites
 * (three-line files, minutes each in Chromium) at the very end. Files of the slow kinds come first
 * here, in jest's own order within each kind.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** Kinds of test file, slowest first: real Chromium, real server processes, the real CLI. */
const SLOW_FIRST = [
  /\/test\/browser\/accessibility-\d\.browser\.test\.ts$/,
  /\.browser\.test\.ts$/,
  /\/test\/scale\//,
  /\/test\/cli\//,
];

const rank = (path) => {
  const found = SLOW_FIRST.findIndex((pattern) => pattern.test(path));
  return found === -1 ? SLOW_FIRST.length : found;
};

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const byJest = super.sort(tests);
    const position = new Map(byJest.map((test, i) => [test.path, i]));
    return [...byJest].sort(
      (a, b) => rank(a.path) - rank(b.path) || position.get(a.path) - position.get(b.path),
    );
  }
}

module.exports = SlowFirstSequencer;
