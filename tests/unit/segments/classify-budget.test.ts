import { describe, expect, it } from 'vitest';
import { segmentBody } from '@/lib/segments/segment-body';
import { MAX_CLASSIFIED_BODY_LINES } from '@/lib/limits';

describe('segmentBody on a body longer than the classifier budget', () => {
  it('classifies the first lines, keeps every line, and leaves the rest prose', () => {
    const code = ['int main(void) {', '\treturn 0;', '}'];
    const lines = [
      ...Array.from({ length: MAX_CLASSIFIED_BODY_LINES }, (_, i) => (i % 2 ? '' : 'a')),
      ...code,
    ];
    const segments = segmentBody(lines.join('\n'));
    expect(segments.flatMap((s) => s.lines)).toEqual(lines);
    // The C past the budget is not looked at: prose, not code.
    const last = segments[segments.length - 1]!;
    expect(last.kind).toBe('prose');
    // Within the budget the same C is code.
    expect(segmentBody(code.join('\n')).map((s) => s.kind)).toEqual(['code']);
  });
});
