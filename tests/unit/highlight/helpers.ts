import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHighlighter, THEMES, type GrammarName } from '../../../lib/highlight/highlighter';

/** Lines of a fixture in tests/fixtures/highlight/. */
export function fixtureLines(name: string): string[] {
  const url = new URL(`../../fixtures/highlight/${name}`, import.meta.url);
  return readFileSync(fileURLToPath(url), 'utf8').replace(/\n$/, '').split('\n');
}

/** One line's tokens as [text, innermost scope] pairs, whitespace-only tokens dropped. */
export async function scopesOf(
  grammar: GrammarName,
  line: string,
): Promise<Array<[string, string]>> {
  const highlighter = await getHighlighter();
  const { tokens } = highlighter.codeToTokens(line, {
    lang: grammar,
    themes: THEMES,
    includeExplanation: true,
  });
  const out: Array<[string, string]> = [];
  for (const token of tokens[0] ?? []) {
    for (const part of token.explanation ?? []) {
      if (part.content.trim() === '') continue;
      out.push([part.content, part.scopes.at(-1)?.scopeName ?? '']);
    }
  }
  return out;
}

/** The scope a piece of text got on a line (first occurrence), or undefined. */
export async function scopeOf(
  grammar: GrammarName,
  line: string,
  text: string,
): Promise<string | undefined> {
  const pairs = await scopesOf(grammar, line);
  return pairs.find(([content]) => content === text)?.[1];
}
