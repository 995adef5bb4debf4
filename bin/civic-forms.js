#!/usr/bin/env node
'use strict';
// In a source checkout the CLI runs from src/ (so it is never stale); installed, from dist/.
const path = require('node:path');
const fs = require('node:fs');

const source = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
let entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (fs.existsSync(source)) {
  try {
    require('tsx/cjs');
    entry = source;
  } catch {
    // tsx is a development dependency: without it, use the compiled CLI.
  }
}
// A command that opens the database answers with a promise of its exit code.
Promise.resolve(require(entry).main(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
