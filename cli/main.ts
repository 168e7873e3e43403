import { ThreadlightError } from '../lib/errors';
import { runImport } from './commands/import';
import { runParse } from './commands/parse';
import { runThread } from './commands/thread';
import { runSample } from './commands/sample';
import { runSearch } from './commands/search';
import { runCheck } from './commands/check';
import { runSeries } from './commands/series';

const USAGE = `Usage: threadlight <command> [options]

Commands:
  import <path>... [--list NAME] [--json] [--db PATH] [--workers N]
      Import mbox, mbox.gz, .eml, maildir, archive-page files, public-inbox git archives or
      directories; --workers N parses in N worker threads (default: one per core).
  parse <file> --json
      Print every message of a file with its segments as JSON.
  thread <file>... --json
      Print the reply trees of the messages in the files as JSON.
  sample [--force]
      Import the bundled sample archive (samples/) when the database is empty.
  search QUERY [--list NAME] [--json] [--sort date|relevance] [--page N] [--db PATH]
      Find messages: s:subject f:from t:to c:cc b:body d:20180401..20180510 "phrase" word* -word.
  check [--db PATH] [--json]
      Check the database (the backend's integrity checks, threads); exit 1 on problems.
  series <message-id> [--list NAME] [--json] [--db PATH]
      The patch series holding the message: parts, missing parts, trailers, versions.

The database is --db PATH|URL, else $THREADLIGHT_DB, else ./data/threadlight.db; a
postgres:// URL selects PostgreSQL.`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  import: runImport,
  parse: runParse,
  thread: runThread,
  sample: runSample,
  search: runSearch,
  check: runCheck,
  series: runSeries,
};

/** Run one CLI command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`threadlight: unknown command '${name}'\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    if (
      err instanceof ThreadlightError ||
      (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ) {
      process.stderr.write(`threadlight ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}
