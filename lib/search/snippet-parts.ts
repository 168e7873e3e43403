import { HIT_END, HIT_START } from './index-fields';

/** A piece of a snippet; `hit` pieces are the matched words, shown highlighted. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * Split an FTS5 `snippet()` marked with HIT_START/HIT_END into parts. The UI renders
 * parts as React text (escaped), so no HTML is ever built from mail text.
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let start = 0;
  const flush = (end: number) => {
    if (end > start) parts.push({ text: marked.slice(start, end), hit });
  };
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i];
    if (c !== HIT_START && c !== HIT_END) continue;
    flush(i);
    hit = c === HIT_START;
    start = i + 1;
  }
  flush(marked.length);
  return parts;
}

/** The snippet as plain text (CLI, feeds). */
export const snippetText = (parts: readonly SnippetPart[]) => parts.map((p) => p.text).join('');
