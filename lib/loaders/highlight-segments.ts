import type { Segment } from '../types';
import type { Db } from '../store/open-db';
import type { LinkifyContext } from '../linkify/linkify';
import { detectKernelVersion } from '../linkify/kernel-version';
import { getHighlights, saveHighlights } from '../store/highlight-cache';
import { highlightBlock, highlightCacheKey } from '../highlight/highlight-block';
import { messageRedirectPath } from '../urls';

/** Segment kinds shown as highlighted, line-numbered blocks. */
export const BLOCK_KINDS = new Set<Segment['kind']>([
  'shell',
  'log',
  'asm',
  'code',
  'diff',
  'traceback',
]);

/**
 * Where a message's links point: elixir at the kernel version the message reveals, and
 * Message-IDs to the list-agnostic `/r/<id>/` redirect (one fixed function, so cached
 * HTML stays valid in every list).
 */
export function linkContext(body: string): LinkifyContext {
  const kernelVersion = detectKernelVersion(body);
  return { ...(kernelVersion ? { kernelVersion } : {}), messageLink: messageRedirectPath };
}

function blockKey(s: Segment, links: LinkifyContext): string {
  return highlightCacheKey(s.kind, s.kind === 'code' ? s.lang : undefined, s.lines, links);
}

/**
 * Highlighted lines for every block segment of the messages, by segment. The cache is
 * keyed by content hash: each block is highlighted once ever (the first view, or a
 * warm-up pass after import, stores it) and every later request only reads the cache.
 * Keying the answer by segment keeps hashing out of the components that render it.
 */
export async function highlightMessages(
  db: Db,
  messages: readonly { segments: readonly Segment[]; links: LinkifyContext }[],
): Promise<Map<Segment, string[]>> {
  const blocks = messages.flatMap((m) =>
    m.segments
      .filter((s) => BLOCK_KINDS.has(s.kind))
      .map((s) => ({ s, links: m.links, key: blockKey(s, m.links) })),
  );
  const cached = getHighlights(
    db,
    blocks.map((b) => b.key),
  );
  const fresh = new Map<string, string[]>();
  for (const { s, links, key } of blocks) {
    if (cached.has(key) || fresh.has(key)) continue;
    fresh.set(
      key,
      await highlightBlock(s.kind, s.kind === 'code' ? s.lang : undefined, s.lines, links),
    );
  }
  saveHighlights(db, fresh);
  const bySegment = new Map<Segment, string[]>();
  for (const { s, key } of blocks) {
    const html = cached.get(key) ?? fresh.get(key);
    if (html) bySegment.set(s, html);
  }
  return bySegment;
}
