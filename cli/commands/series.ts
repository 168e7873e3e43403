import { parseArgs } from 'node:util';
import { ThreadlightError } from '../../lib/errors';
import type { Store } from '../../lib/store/store';
import { withStore } from '../with-store';
import { assembleSeries } from '../../lib/series/assemble-series';
import { seriesJson } from '../../lib/series/series-json';

// Controls (ESC sequences from mail could drive the terminal) and line breaks.
const RE_CONTROLS = /[\x00-\x1f\x7f-\x9f]+/g;
const oneLine = (text: string) => text.replace(RE_CONTROLS, ' ').trim();

/**
 * `threadlight series <message-id> [--list NAME] [--db PATH|URL] [--json]`: the series that
 * holds the message (cover letter, patch or reply). Exit 0 when found, 1 when the message
 * is no part of a series or unknown.
 */
export async function runSeries(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const raw = positionals[0];
  if (!raw || positionals.length > 1) throw new ThreadlightError('give one Message-ID');
  const messageId = raw.replace(/^<|>$/g, '').trim();
  const report = await withStore(values.db, (store) => seriesOf(store, values.list, messageId));
  if (!report) {
    process.stderr.write(`threadlight series: <${oneLine(messageId)}> is in no known series\n`);
    return 1;
  }
  const json = seriesJson(report);
  if (values.json) {
    process.stdout.write(JSON.stringify(json) + '\n');
    return 0;
  }
  const lines = [
    `${oneLine(json.subject)} (v${json.version}, ${json.total} parts)`,
    ...json.parts.map(
      (p) =>
        `  ${p.number}/${json.total} ${oneLine(p.subject)}` +
        p.trailers
          .filter((t) => t.from === 'reply')
          .map((t) => `\n      ${oneLine(t.kind)}: ${oneLine(t.value)}`)
          .join(''),
    ),
    ...(json.missing.length ? [`  missing: ${json.missing.join(', ')}`] : []),
    `  versions: ${json.versions.map((v) => `v${v.version} <${oneLine(v.messageId)}>`).join(', ')}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** The series holding the message, in `list` or else the first list that has it. */
async function seriesOf(store: Store, list: string | undefined, messageId: string) {
  const name = list ?? (await store.findListOf(messageId));
  return name === null ? null : assembleSeries(store.seriesSource(name), messageId);
}
