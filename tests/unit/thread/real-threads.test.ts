/** Real threads from the corpus (header extracts, see tests/fixtures/thread/README.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildThreads } from '../../../lib/thread/build-threads';
import { formatTree, type NodeLabel } from '../../../lib/thread/format-tree';
import type { ThreadInput } from '../../../lib/types';
import { keyLabel } from './thread-helpers';

const FIXTURES = join(__dirname, '../../fixtures/thread');

function load(name: string): ThreadInput[] {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as ThreadInput[];
}

async function expectGolden(name: string, label?: NodeLabel<ThreadInput>): Promise<void> {
  const messages = load(name);
  const text = formatTree(buildThreads(messages), label);
  await expect(text).toMatchFileSnapshot(join(FIXTURES, `${name}.thread.txt`));
  expect(formatTree(buildThreads([...messages].reverse()), label)).toBe(text);
}

describe('buildThreads on real threads', () => {
  it('threads linux-sparse "detecting misuse of of_get_property" as in SOURCES.md', async () => {
    await expectGolden('of-get-property-misuse');
  });

  it('threads the lkml powerpc MChk chain under its ghost root, duplicates beside owners', async () => {
    await expectGolden('powerpc-mchk-chain', keyLabel);
  });

  it('puts both patchwork patches under the cover letter despite reversed References', async () => {
    await expectGolden('patchwork-reversed-references');
  });
});
