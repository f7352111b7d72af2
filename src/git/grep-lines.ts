import type { SimpleGit } from 'simple-git';

/** One line `git grep -z -n <rev>` printed. */
export interface GrepLine {
  file: string;
  line: number;
  text: string;
}

/**
 * `git grep -z -n <rev> -- …` output, `<rev>:<path>\0<line>\0<text>\n` per
 * line, read field by field: a path may hold any character but NUL.
 */
export function parseGrepLines(output: string, rev: string): GrepLine[] {
  const prefix = `${rev}:`;
  const lines: GrepLine[] = [];
  for (let at = 0; at < output.length; ) {
    const pathEnd = output.indexOf('\0', at);
    const lineEnd = pathEnd === -1 ? -1 : output.indexOf('\0', pathEnd + 1);
    if (lineEnd === -1) break;
    const textEnd = output.indexOf('\n', lineEnd + 1);
    const end = textEnd === -1 ? output.length : textEnd;
    if (output.startsWith(prefix, at)) {
      lines.push({ file: output.slice(at + prefix.length, pathEnd), line: Number(output.slice(pathEnd + 1, lineEnd)), text: output.slice(lineEnd + 1, end) });
    }
    at = end + 1;
  }
  return lines;
}

/**
 * The text of each file at `rev` (paths relative to git's working folder),
 * its lines joined by `\n` without the last line's end: one `git grep` of
 * every line instead of one `git cat-file` each. A file grep prints nothing
 * for (empty, binary, absent) is asked of `git cat-file`; undefined when
 * that fails too.
 */
export async function textsAt(git: SimpleGit, rev: string, files: readonly string[]): Promise<Map<string, string | undefined>> {
  const texts = new Map<string, string | undefined>();
  if (files.length === 0) return texts;
  const output = await git
    .raw(['grep', '-z', '-n', '-I', '--no-full-name', '-e', '^', rev, '--', ...files.map((file) => `:(literal)${file}`)])
    // git grep exits 1 when no line matched: every file empty, binary or absent.
    .catch(() => '');
  const lines = new Map<string, string[]>();
  for (const { file, text } of parseGrepLines(output, rev)) {
    const found = lines.get(file);
    if (found) found.push(text);
    else lines.set(file, [text]);
  }
  await Promise.all(
    files.map(async (file) => {
      const found = lines.get(file);
      texts.set(file, found ? found.join('\n') : await git.raw(['cat-file', 'blob', `${rev}:./${file}`]).catch(() => undefined));
    }),
  );
  return texts;
}
