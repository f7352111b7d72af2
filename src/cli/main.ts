import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerFix } from './fix.js';
import { registerInit } from './init.js';
import { registerLint } from './lint.js';
import { registerMerge } from './merge.js';
import { registerRun } from './run.js';
import { registerSchedule } from './schedule.js';
import { exitWith } from './errors.js';
import { guardStdout, stdoutFailed } from './stdout.js';

const program = new Command('pagecare')
  .description('Keep patient-information pages trustworthy: review dates, references, glossary links.')
  .version(VERSION)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`pagecare: ${text.replace(/^error: /, '')}`) });

registerLint(program);
registerFix(program);
registerMerge(program);
registerRun(program);
registerSchedule(program);
registerInit(program);

guardStdout();
// Output that could not be written (a full disk) is exit 2 whatever the command found, even when the failure came after it ended.
process.once('exit', () => {
  if (stdoutFailed()) process.exitCode = 2;
});
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with their own exit code 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    exitWith(error);
  }
}
