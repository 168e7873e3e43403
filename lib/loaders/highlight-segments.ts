import type { Segment } from '../types';
import type { Store } from '../store/store';
import type { LinkifyContext } from '../linkify/linkify';
import { readGitWeb } from '../linkify/git-web';
import { detectKernelVersion } from '../linkify/kernel-version';
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

let gitWebWarned = false;

/** The configured git web (`THREADLIGHT_GIT_WEB`), read at each call; a bad value warns once. */
function configuredGitWeb(env: Readonly<Record<string, string | undefined>>): string {
  const { gitWeb, warning } = readGitWeb(env);
  if (warning && !gitWebWarned) {
    gitWebWarned = true;
    console.warn(`threadlight: ${warning}`);
  }
  return gitWeb;
}

/**
 * Where a message's links point: commit ids to the configured git web
 * (`THREADLIGHT_GIT_WEB`, lib/linkify/git-web.ts), elixir at the kernel version the message
 * reveals, and Message-IDs to the list-agnostic `/r/<id>/` redirect (one fixed function,
 * so cached HTML stays valid in every list). The git web is part of the highlight cache
 * key, so changing it re-renders the blocks.
 */
export function linkContext(
  body: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): LinkifyContext {
  const kernelVersion = detectKernelVersion(body);
  return {
    ...(kernelVersion ? { kernelVersion } : {}),
    gitWeb: configuredGitWeb(env),
    messageLink: messageRedirectPath,
  };
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
  store: Store,
  messages: readonly { segments: readonly Segment[]; links: LinkifyContext }[],
): Promise<Map<Segment, string[]>> {
  const blocks = messages.flatMap((m) =>
    m.segments
      .filter((s) => BLOCK_KINDS.has(s.kind))
      .map((s) => ({ s, links: m.links, key: blockKey(s, m.links) })),
  );
  const cached = await store.getHighlights(blocks.map((b) => b.key));
  const fresh = new Map<string, string[]>();
  for (const { s, links, key } of blocks) {
    if (cached.has(key) || fresh.has(key)) continue;
    fresh.set(
      key,
      await highlightBlock(s.kind, s.kind === 'code' ? s.lang : undefined, s.lines, links),
    );
  }
  await store.saveHighlights(fresh);
  const bySegment = new Map<Segment, string[]>();
  for (const { s, key } of blocks) {
    const html = cached.get(key) ?? fresh.get(key);
    if (html) bySegment.set(s, html);
  }
  return bySegment;
}
