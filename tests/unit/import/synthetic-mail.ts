/** Synthetic mail for the kill tests: `count` messages in threads of THREAD_SIZE replies. */
export const THREAD_SIZE = 10;

/** One message: message `i` replies to the previous message of its thread. */
export function syntheticMessage(i: number): string {
  const thread = Math.floor(i / THREAD_SIZE);
  const inThread = i % THREAD_SIZE;
  const id = `m${i}@kill.example.org`;
  const parent = inThread > 0 ? `m${i - 1}@kill.example.org` : null;
  const refs = Array.from(
    { length: inThread },
    (_, k) => `<m${i - inThread + k}@kill.example.org>`,
  );
  const date = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString();
  return [
    `From: Sender ${i % 7} <s${i % 7}@example.org>`,
    'To: list@example.org',
    `Subject: ${inThread ? 'Re: ' : ''}[PATCH] topic ${thread}`,
    `Date: ${date}`,
    `Message-ID: <${id}>`,
    ...(parent ? [`In-Reply-To: <${parent}>`, `References: ${refs.join(' ')}`] : []),
    '',
    ...(parent ? [`> quoted line from ${parent}`, ''] : []),
    `Body of message ${i}.`,
    'diff --git a/f.c b/f.c',
    '--- a/f.c',
    '+++ b/f.c',
    '@@ -1 +1 @@',
    `-int x = ${i};`,
    `+int x = ${i + 1};`,
    '',
  ].join('\n');
}

/** An mbox of `count` synthetic messages. */
export function syntheticMbox(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += `From s@example.org Mon Jan  1 00:00:00 2024\n${syntheticMessage(i)}\n`;
  }
  return out;
}
