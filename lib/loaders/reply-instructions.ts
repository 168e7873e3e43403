import type { Address } from '../types';

// A plausible mailbox: one @, no spaces, quotes, angle brackets or commas (they would
// break out of the header or the shell line we print).
const RE_SAFE_ADDRESS = /^[^\s@<>"',;`$\\]+@[^\s@<>"',;`$\\]+$/;

/** Shell single-quoting: the only special character inside '…' is ' itself. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Reply headers, a `git send-email` command and a mailto: URL for answering a message. */
export function replyInstructions(m: {
  messageId: string;
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
}): { headers: string; gitSendEmail: string; mailto: string | null } {
  const to = RE_SAFE_ADDRESS.test(m.from.address) ? m.from.address : null;
  const cc = [...new Set([...m.to, ...m.cc].map((a) => a.address))].filter(
    (a) => RE_SAFE_ADDRESS.test(a) && a !== to,
  );
  const subject = /^re:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`;
  const headers = [
    ...(to ? [`To: ${to}`] : []),
    ...(cc.length ? [`Cc: ${cc.join(', ')}`] : []),
    `Subject: ${subject.replace(/[\r\n]+/g, ' ')}`,
    `In-Reply-To: <${m.messageId}>`,
  ].join('\n');
  const gitSendEmail = [
    `git send-email --in-reply-to=${shellQuote(`<${m.messageId}>`)}`,
    ...(to ? [`  --to=${shellQuote(to)}`] : []),
    ...cc.map((a) => `  --cc=${shellQuote(a)}`),
    '  /path/to/YOUR_REPLY',
  ].join(' \\\n');
  const params = new URLSearchParams({ 'In-Reply-To': `<${m.messageId}>`, Subject: subject });
  if (cc.length) params.set('Cc', cc.join(','));
  const mailto = to
    ? `mailto:${encodeURIComponent(to)}?${params.toString().replace(/\+/g, '%20')}`
    : null;
  return { headers, gitSendEmail, mailto };
}
