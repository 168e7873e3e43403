/**
 * Bump whenever segmentBody's output changes (quote, attribution or block rules):
 * stored segments with an older version are recomputed from the stored body.
 */
export const SEGMENTS_VERSION = 6;
