/**
 * The files a patch series needs to apply, rebuilt from the patches themselves: for each
 * file, the old side of the hunks of the first patch that touches it, with filler lines
 * where the diff shows nothing. Enough for `git am` when later patches only touch lines
 * that earlier ones showed or created (true of the fixture series).
 */
const RE_FILE = /^--- a\/(.+)$/;
const RE_HUNK = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/;

export function preImage(mbox: string): Map<string, string> {
  const files = new Map<string, string>();
  const lines = mbox.split('\n');
  let file: string | null = null;
  let content: string[] = [];
  const finish = () => {
    if (file !== null && !files.has(file)) files.set(file, content.join('\n') + '\n');
    file = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const f = RE_FILE.exec(lines[i]!);
    if (f && lines[i + 1]?.startsWith('+++ ')) {
      finish();
      file = files.has(f[1]!) ? null : f[1]!;
      content = [];
      continue;
    }
    const h = RE_HUNK.exec(lines[i]!);
    if (!h || file === null) continue;
    const start = Number(h[1]);
    let count = h[2] === undefined ? 1 : Number(h[2]);
    while (content.length < start - 1) content.push(`filler line ${content.length + 1}`);
    for (let j = i + 1; count > 0 && j < lines.length; j++) {
      const line = lines[j]!;
      if (line.startsWith(' ') || line.startsWith('-')) {
        content.push(line.slice(1));
        count--;
      } else if (line === '') {
        content.push('');
        count--;
      }
    }
  }
  finish();
  return files;
}
