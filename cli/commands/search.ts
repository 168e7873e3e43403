import { parseArgs } from 'node:util';
import { ThreadlightError } from '../../lib/errors';
import { withStore } from '../with-store';
import { snippetText } from '../../lib/search/snippet-parts';

const PER_PAGE = 20;

/**
 * `threadlight search QUERY [--list NAME] [--json] [--sort date|relevance] [--page N]`.
 * JSON: `{"total":N,"results":[{"messageId","list","subject","from","date","snippet"}]}`.
 * Exit 0 with results, 1 with none, 2 for a bad query.
 */
export async function runSearch(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'string' },
      json: { type: 'boolean', default: false },
      sort: { type: 'string', default: 'relevance' },
      page: { type: 'string', default: '1' },
      db: { type: 'string' },
    },
  });
  const query = positionals.join(' ').trim();
  if (!query)
    throw new ThreadlightError("give a query, e.g. threadlight search 's:frobnicator f:alice'");
  if (values.sort !== 'relevance' && values.sort !== 'date') {
    throw new ThreadlightError(`--sort must be relevance or date, not '${values.sort}'`);
  }
  const page = Number(values.page);
  if (!Number.isInteger(page) || page < 1)
    throw new ThreadlightError(`--page must be a positive integer, not '${values.page}'`);
  const sort = values.sort;
  const outcome = await withStore(values.db, (store) =>
    store.searchMessages({
      query,
      ...(values.list ? { list: values.list } : {}),
      sort,
      page,
      perPage: PER_PAGE,
      // A script wants the true total and ranking, whatever they cost.
      exhaustive: true,
    }),
  );
  if (outcome.error) throw new ThreadlightError(outcome.error, 'BAD_QUERY');
  const results = outcome.results.map((r) => ({
    messageId: r.messageId,
    list: r.list,
    subject: r.subject,
    from: r.from,
    date: r.date,
    snippet: snippetText(r.snippet),
  }));
  if (values.json) {
    process.stdout.write(JSON.stringify({ total: outcome.total, results }) + '\n');
  } else {
    const first = (page - 1) * PER_PAGE + 1;
    const lines = [
      outcome.total === 0
        ? 'no messages found'
        : `${outcome.total} messages; ${first}-${first + results.length - 1} shown (--page N for more)`,
      ...results.flatMap((r) => [
        '',
        `${r.date ? r.date.slice(0, 16).replace('T', ' ') : 'no date'}  ${r.list}  ${oneLine(r.from)}`,
        `  ${oneLine(r.subject) || '(no subject)'}`,
        `  <${oneLine(r.messageId)}>`,
        `  ${oneLine(r.snippet)}`,
      ]),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  return outcome.total > 0 ? 0 : 1;
}

// Controls (ESC sequences from mail could drive the terminal) and line breaks.
const RE_CONTROLS = /[\x00-\x1f\x7f-\x9f]+/g;

/** Mail text for a terminal: one line, no control characters. */
const oneLine = (text: string) => text.replace(RE_CONTROLS, ' ').trim();
