/**
 * The Read stage for public-inbox v2 archives, the form lore.kernel.org publishes:
 * one git repository per epoch, one commit per event, and each commit's tree holds
 * a single blob: `m` (a message added) or `d` (a message deleted; hide it).
 * Read with the git CLI: `git log --reverse` for the commits, then one long-lived
 * `git cat-file --batch` for the blobs, so at most one message is held at a time.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { MAX_MESSAGE_BYTES } from '../limits';
import type { RawMessage, ReadProblem } from '../types';
import { describeError } from './read-stream';

/** A message added by commit `commit`. */
export type GitMessage = RawMessage & { commit: string };
/** A problem; `commit` is set when it belongs to one commit (the cursor may pass it). */
export type GitProblem = { problem: ReadProblem; commit?: string };
/** A message deleted upstream by commit `commit`: `deleted` is its raw bytes. */
export type GitDeletion = { deleted: Buffer; commit: string };
export type GitEpochItem = GitMessage | GitProblem | GitDeletion;

export interface ReadGitEpochOptions {
  /** Read only commits after this one. Ignored (start over) when it is not an ancestor of HEAD. */
  since?: string;
}

// A full object name, SHA-1 or SHA-256: `5998a7ad457644a4daa2286dc60a180859e423de`.
const RE_OBJECT_NAME = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

// A `cat-file --batch` header for a found object: `cbb53a15... blob 4711`.
const RE_BATCH_HEADER = /^[0-9a-f]+ (\w+) (\d+)$/;

/**
 * Yield every `m` and `d` of the epoch at `repoDir` in commit order (oldest first).
 * Every item but a whole-repository problem names its commit, so the importer can
 * save how far it got. Never throws: git failures become problems.
 */
export async function* readGitEpoch(
  repoDir: string,
  opts: ReadGitEpochOptions = {},
): AsyncGenerator<GitEpochItem> {
  const fail = (reason: string): GitProblem => ({
    problem: { source: repoDir, position: 'repository', reason },
  });
  const gitDir = await runGit(repoDir, ['rev-parse', '--git-dir']);
  if (gitDir.code !== 0) {
    yield fail(`not a git repository: ${gitDir.stderr || gitDir.error}`);
    return;
  }
  // An epoch created but never written to has no HEAD: nothing to read, not an error.
  if ((await runGit(repoDir, ['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).code !== 0) return;

  const range = (await isAncestor(repoDir, opts.since)) ? `${opts.since}..HEAD` : 'HEAD';
  const log = spawnGit(repoDir, ['log', '--reverse', '--format=%H', range, '--']);
  const cat = spawnGit(repoDir, ['cat-file', '--batch']);
  const logErr = collectStderr(log);
  const catErr = collectStderr(cat);
  const blobs = new BatchReader(cat.stdout[Symbol.asyncIterator]());
  // Each commit is asked for both names; exactly one exists, the other answers `missing`.
  const ask = (sha: string) => cat.stdin.write(`${sha}:m\n${sha}:d\n`);
  cat.stdin.on('error', () => {}); // git died: reported below through the missing answer
  try {
    const commits = lines(log.stdout)[Symbol.asyncIterator]();
    let next = await commits.next();
    if (!next.done) ask(next.value);
    while (!next.done) {
      const sha = next.value;
      const m = await blobs.read(MAX_MESSAGE_BYTES);
      const d = await blobs.read(MAX_MESSAGE_BYTES);
      if (m === 'eof' || d === 'eof') {
        yield fail(`git cat-file stopped at commit ${sha}: ${catErr() || 'no output'}`);
        return;
      }
      // Ask for the next commit before handing this one on, so git works while we parse.
      next = await commits.next();
      if (!next.done) ask(next.value);
      yield toItem(repoDir, sha, m, d);
    }
    const code = await exitCode(log);
    if (code !== 0) yield fail(`git log failed: ${logErr() || `exit code ${code}`}`);
  } finally {
    cat.stdin.end();
    log.kill();
    cat.kill();
  }
}

type Blob = Buffer | 'missing' | 'too-large' | 'eof';

function toItem(source: string, commit: string, m: Blob, d: Blob): GitEpochItem {
  const position = `commit ${commit}`;
  const problem = (reason: string): GitProblem => ({
    problem: { source, position, reason },
    commit,
  });
  if (m === 'too-large' || d === 'too-large') {
    return problem(`message is larger than ${MAX_MESSAGE_BYTES} bytes; skipped`);
  }
  if (Buffer.isBuffer(m)) return { source, position, raw: m, format: 'rfc822', commit };
  if (Buffer.isBuffer(d)) return { deleted: d, commit };
  return problem('commit holds neither an `m` nor a `d` blob');
}

/** True when `since` is a commit HEAD descends from; false for unknown or rewritten history. */
async function isAncestor(repoDir: string, since: string | undefined): Promise<boolean> {
  // Only a full object name reaches git, so a stored cursor can never be read as an option.
  if (!since || !RE_OBJECT_NAME.test(since)) return false;
  return (await runGit(repoDir, ['merge-base', '--is-ancestor', since, 'HEAD'])).code === 0;
}

function spawnGit(repoDir: string, args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn('git', ['-C', repoDir, ...args], { stdio: 'pipe' });
  child.on('error', () => {}); // a missing git binary shows up as empty output and a bad exit
  return child;
}

async function runGit(
  repoDir: string,
  args: string[],
): Promise<{ code: number; stderr: string; error?: string }> {
  const child = spawnGit(repoDir, args);
  const stderr = collectStderr(child);
  child.stdout.resume();
  let error: string | undefined;
  child.on('error', (e) => (error = describeError(e)));
  const code = await exitCode(child);
  return { code, stderr: stderr(), ...(error ? { error } : {}) };
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.on('close', (code) => resolve(code ?? -1));
    child.on('error', () => resolve(-1));
  });
}

/** The first 4 KB of a child's stderr, trimmed: enough for git's one-line `fatal:` message. */
function collectStderr(child: ChildProcessWithoutNullStreams): () => string {
  let text = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (text.length < 4096) text += chunk.toString('utf8');
  });
  return () => text.slice(0, 4096).trim();
}

/** Split a byte stream into lines without ever buffering more than one line. */
async function* lines(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of stream) {
    const parts = (rest + chunk.toString('latin1')).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) if (line) yield line;
  }
  if (rest) yield rest;
}

/** Reads `cat-file --batch` answers: a header line, then exactly `size` bytes and a newline. */
class BatchReader {
  private buf: Buffer = Buffer.alloc(0);

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** The next blob; its bytes are skipped, never held, when larger than `max`. */
  async read(max: number): Promise<Blob> {
    const header = await this.readLine();
    if (header === null) return 'eof';
    const match = RE_BATCH_HEADER.exec(header);
    if (!match) return 'missing'; // `<name> missing` or `<name> ambiguous`
    const size = Number(match[2]);
    const body = size > max ? await this.skip(size + 1) : await this.take(size + 1);
    if (body === null) return 'eof';
    if (match[1] !== 'blob') return 'missing';
    return body === true ? 'too-large' : body.subarray(0, size);
  }

  private async more(): Promise<boolean> {
    const next = await this.chunks.next();
    if (next.done) return false;
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }

  private async readLine(): Promise<string | null> {
    let at: number;
    while ((at = this.buf.indexOf(0x0a)) < 0) if (!(await this.more())) return null;
    const line = this.buf.subarray(0, at).toString('latin1');
    this.buf = this.buf.subarray(at + 1);
    return line;
  }

  /** Exactly `n` bytes, collected chunk by chunk (no quadratic concatenation). */
  private async take(n: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      if (!this.buf.length && !(await this.more())) return null;
      const part = this.buf.subarray(0, need);
      parts.push(part);
      need -= part.length;
      this.buf = this.buf.subarray(part.length);
    }
    return Buffer.concat(parts, n);
  }

  private async skip(n: number): Promise<true | null> {
    let need = n;
    while (need > 0) {
      if (!this.buf.length && !(await this.more())) return null;
      const len = Math.min(need, this.buf.length);
      need -= len;
      this.buf = this.buf.subarray(len);
    }
    return true;
  }
}
