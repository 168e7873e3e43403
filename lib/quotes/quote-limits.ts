/**
 * Limits of the quote and attribution stage. They belong with the others in
 * lib/limits.ts; they live here until the lead moves them (that file is not ours).
 */

/** Longest line (after quote markers) tried as an attribution: real ones are short, and
 * the cap keeps every attribution regex linear on a 1 MB `On On On ... wrote:` line. */
export const MAX_ATTRIBUTION_CHARS = 400;

/** A quoted line this long (markers included) may have been wrapped by a careless client. */
export const MIN_WRAPPED_LINE_CHARS = 60;

/** The narrowest width clients wrap at: a tail is only a tail if joining it back overflows this. */
export const WRAP_WIDTH = 72;

/** Longest unmarked line still taken for the broken-wrapped tail of a quoted line. */
export const MAX_WRAPPED_TAIL_CHARS = 40;

/** Header lines of an Outlook `-----Original Message-----` block, wrapped tails included. */
export const MAX_OUTLOOK_HEADER_LINES = 12;
