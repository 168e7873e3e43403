/**
 * Signatures and list footers, per line. A signature starts at a `-- ` line (RFC 3676
 * §4.3 sig separator) or at a mailing-list footer, and runs to the end of that quote
 * depth's run of lines: when the depth changes, the writer is someone else.
 */

// Clients that strip trailing spaces turn `-- ` into `--`; accepted only for short tails.
const MAX_BARE_DASH_SIGNATURE_LINES = 15;
// Example: `_______________________________________________` (mailman footer rule).
const RE_UNDERSCORE_RULE = /^_{20,}$/;
// The line after a mailman rule. Example: `Linuxppc-dev mailing list`.
const RE_LIST_NAME = /mailing list|listinfo|^https?:\/\/lists\./i;
// Example: `To unsubscribe from this list: send the line "unsubscribe linux-kernel" in` (vger).
const RE_VGER_FOOTER = /^To unsubscribe from this list: send the line "unsubscribe/;
// Example: `You received this message because you are subscribed to the Google Groups "kasan-dev" group.`
const RE_GOOGLE_GROUPS_FOOTER =
  /^You received this message because you are subscribed to the Google Groups/;

/**
 * Mark signature lines. `depths[i]` and `texts[i]` describe line i; lines where
 * `blocked[i]` (attributions) neither start nor continue a signature.
 */
export function findSignatures(
  depths: readonly number[],
  texts: readonly string[],
  blocked: readonly boolean[],
): boolean[] {
  const signature = new Array<boolean>(texts.length).fill(false);
  let i = 0;
  while (i < texts.length) {
    let runEnd = i;
    while (runEnd < texts.length && depths[runEnd] === depths[i] && !blocked[runEnd]) runEnd++;
    if (runEnd === i) {
      i++;
      continue;
    }
    for (let k = i; k < runEnd; k++) {
      if (startsSignature(texts, k, runEnd)) {
        signature.fill(true, k, runEnd);
        break;
      }
    }
    i = runEnd;
  }
  return signature;
}

/**
 * Is a signature run a list footer rather than someone's signature: does it start (after
 * a `-- ` separator, which vger's footer carries) with a footer line?
 */
export function isListFooter(lines: readonly string[]): boolean {
  const first = lines[0] === '-- ' || lines[0] === '--' ? 1 : 0;
  const text = lines[first];
  return (
    text !== undefined &&
    (RE_VGER_FOOTER.test(text) ||
      RE_GOOGLE_GROUPS_FOOTER.test(text) ||
      RE_UNDERSCORE_RULE.test(text.trim()))
  );
}

function startsSignature(texts: readonly string[], k: number, runEnd: number): boolean {
  const text = texts[k]!;
  if (text === '-- ') return true;
  if (text === '--') return runEnd - k <= MAX_BARE_DASH_SIGNATURE_LINES;
  if (RE_VGER_FOOTER.test(text) || RE_GOOGLE_GROUPS_FOOTER.test(text)) return true;
  if (RE_UNDERSCORE_RULE.test(text.trim())) {
    for (let n = k + 1; n < Math.min(runEnd, k + 3); n++)
      if (RE_LIST_NAME.test(texts[n]!)) return true;
  }
  return false;
}
