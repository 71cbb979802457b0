#!/usr/bin/env node
// veza-desk command line: scripted checks for IT, over the same main/core code as the app.
import { runCli } from './run-cli';

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
