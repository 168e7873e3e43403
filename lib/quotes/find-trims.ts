/**
 * Lines that stand for removed text: the quoter's trim marks. `...` alone is deliberately
 * not one: it is just as often elided output inside a log or an objdump listing.
 */

// Example: `[...]`, `[ ... ]`, `[…]`, `[snip]`, `[ snip ]`, `[...snip...]`, `<snip>`, `<snipped>`,
// `<...>`, `[ 42 lines snipped ]`, `--snip--`, `-- snip --`, `(snip)`, `snip`.
const RE_SNIP =
  /^(?:\[ ?(?:\.{2,}|…|(?:\.{2,} ?)?snip(?:ped)?(?: ?\.{2,})?|\d+ lines? (?:snipped|deleted|trimmed)|trimmed|deleted) ?\]|< ?(?:snip(?:ped)?|\.{2,}|…) ?>|-{2,} ?snip ?-{2,}|\(snip(?:ped)?\)|snip)$/i;

/** True when the (marker-free) line is a trimmed-quote marker. */
export function isSnipLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 40 && RE_SNIP.test(trimmed);
}
