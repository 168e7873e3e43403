import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../lib/blocks/classify-blocks';
import { classifyLine } from '../../../lib/blocks/classify-line';
import { joinWrappedLines } from '../../../lib/blocks/join-wrapped';

/**
 * Hostile lines: 1 MB of one character or of a repeated token that almost matches a pattern.
 * Every regex must run in linear time and every line is sliced before classification, so each
 * of these finishes well inside the test timeout; a backtracking regex would hang instead.
 */
const MB = 1024 * 1024;
const hostile: Record<string, string> = {
  brackets: '['.repeat(MB),
  hex: '0x'.repeat(MB / 2),
  plus: '+'.repeat(MB),
  spaces: ' '.repeat(MB),
  angles: '<'.repeat(MB),
  timestamps: '[ 0.0'.repeat(MB / 5),
  frames: 'a+0x1/'.repeat(MB / 6),
  hexColon: 'ffffffff: 00 '.repeat(MB / 13),
  words: 'word '.repeat(MB / 5),
  prompt: 'user@host:'.repeat(MB / 10) + '$ ls',
  registers: 'RAX: 0000 '.repeat(MB / 10),
  at: '@@ -1,'.repeat(MB / 6),
  quotes: '"'.repeat(MB),
  tabs: '\t'.repeat(MB),
  backslashes: '\\'.repeat(MB),
  dashes: '-'.repeat(MB),
  equals: '='.repeat(MB),
  semicolons: 'x;'.repeat(MB / 2),
  columns: 'a  '.repeat(MB / 3),
};

describe('hostile input', () => {
  for (const [name, line] of Object.entries(hostile)) {
    it(`classifies a 1 MB line of ${name} and returns one block`, () => {
      const result = classifyBlocks([line]);
      expect(result).toHaveLength(1);
      expect(result[0]).toMatchObject({ start: 0, end: 1 });
      expect(classifyLine(line).blank).toBe(line.trim() === '');
    });
  }

  it('classifies 20,000 short hostile lines in one run', () => {
    const lines = Object.values(hostile).map((l) => l.slice(0, 50));
    const many = Array.from({ length: 20_000 }, (_, i) => lines[i % lines.length]!);
    const result = classifyBlocks(many);
    expect(result[result.length - 1]!.end).toBe(many.length);
  });

  it('joins at most a bounded number of wrapped lines', () => {
    const lines = [
      '$ echo "' + 'x'.repeat(MB),
      ...Array.from({ length: 100 }, () => 'y'.repeat(MB)),
    ];
    const joined = joinWrappedLines('shell', lines, 0);
    expect(joined[0]!.to - joined[0]!.from).toBe(32);
    expect(joined[joined.length - 1]!.to).toBe(lines.length);
  });
});
