/** The `icp` process: runs the command line on the process's streams (bin/icp.mjs loads this file). */
import { runCli } from './run';
import { processIo } from './io';

process.exitCode = await runCli(process.argv.slice(2), processIo());
// For the bounded-memory test and curious users: peak resident memory of this run.
if (process.env.ICP_REPORT_RSS === '1') process.stderr.write(`icp: peak RSS ${process.resourceUsage().maxRSS} KB\n`);
