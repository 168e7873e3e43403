import type { Address } from '../types';

/**
 * An archive page (like the seed) has no RFC 822 header block. To export it in an
 * mbox that re-imports as the same message, write the headers we recovered,
 * including its synthetic Message-ID, RFC 2047-encoding anything non-ASCII.
 */
export function archivePageToRfc822(m: {
  messageId: string;
  subject: string;
  from: Address;
  date: string | null;
  body: string;
}): string {
  const from = m.from.address
    ? `${encodeWord(m.from.name)} <${m.from.address}>`
    : encodeWord(m.from.name);
  const headers = [
    `From: ${from}`,
    `Subject: ${encodeWord(m.subject)}`,
    ...(m.date ? [`Date: ${new Date(m.date).toUTCString().replace('GMT', '+0000')}`] : []),
    `Message-ID: <${m.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return headers.join('\n') + '\n\n' + m.body + '\n';
}

// Printable ASCII without '=' and '?' needs no encoding.
const RE_PLAIN = /^[\x20-\x3c\x3e\x40-\x7e]*$/;

function encodeWord(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  if (RE_PLAIN.test(oneLine)) return oneLine;
  return `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}
