/**
 * mboxrd export (the format lore serves as t.mbox.gz): every `From ` line in a message,
 * `>`-quoted or not, gains one `>`, so the reader's unescaping gives the bytes back exactly.
 */
const MBOX_SEPARATOR = 'From mboxrd@z Thu Jan  1 00:00:00 1970\n';

// `From foo`, `>From foo`, `>>From foo` at the start of a line.
const RE_FROM_LINE = /^(>*From )/gm;

export function toMboxEntry(raw: Buffer | string): string {
  let text = (typeof raw === 'string' ? raw : raw.toString('latin1')).replace(/\r\n/g, '\n');
  if (!text.endsWith('\n')) text += '\n';
  return MBOX_SEPARATOR + text.replace(RE_FROM_LINE, '>$1') + '\n';
}
