/**
 * Bump whenever a grammar, theme, language map or the span format changes: it is part
 * of every highlight cache key, so stored HTML from an older highlighter is recomputed.
 */
export const HIGHLIGHT_VERSION = 'hl-4';
