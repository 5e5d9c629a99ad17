/**
 * The one command a helper container runs per batch, and how its answer is read back.
 *
 * Requests travel on stdin, one per line, until its end (see requestInput): a letter
 * for what is wanted and the path (`r/proc/42/status` read, `d/sys/class/net` list,
 * `l/proc/42/ns/net` link). No path is ever put into a shell string: the script hands them on
 * through pipes to `xargs -0`. (As argv, 7,763 requests made the exec itself about 70 ms
 * slower than on stdin: each layer of the engine copies and parses the argument list.)
 * The answer has these sections, made with the tools every image here has (busybox, alpine,
 * debian, ubuntu):
 *   @@ls    `ls -ldn` of every link and directory asked for: existence, link target, or the error
 *   @@list  every entry of the requested directories, one full path per line
 *   @@read  per file a frame "STATUS LENGTH PATH\n" then LENGTH bytes (status 0 read,
 *           1 failed, 2 cut at the per-file limit)
 *   @@failed `ls -ldn` of each file that could not be read, for its errno (`ls` of every
 *           file asked for was a fifth of a 200-container batch)
 *   @@end   the script finished; without it the helper stopped midway
 * all of it gzip-compressed when the image has gzip (parseBatch tells by the first bytes).
 */
import { zlib } from '../lazy-modules';

/** Each file is cut at this many bytes (the largest file a snapshot reads is memory.stat, ~1.5 KB). */
export const FILE_LIMIT = 1024 * 1024;

/**
 * The shell script; $1 is the awk program, stdin the requests. Touches /run/used for the idle
 * timer. The answer goes out through gzip where the image has it: a 200-container snapshot's
 * answer is about 2.8 MB of text, and carrying it through the engine's exec stream cost more than
 * reading it (measured: 670–940 ms for the exec against 590–640 ms with gzip, 173 KB).
 */
export const SCRIPT = [
  ': > /run/used 2>/dev/null',
  'prog=$1',
  'reqs=$(cat)',
  'answer() {',
  'echo @@ls',
  "printf '%s\\n' \"$reqs\" | sed -n 's/^[ld]//p' | tr '\\n' '\\0' | xargs -0 -r ls -ldn -- 2>&1",
  'echo @@list',
  // The shell's own globs list a directory without a stat() per entry (find's cost 2–3 times
  // as much on sysfs); a pattern that matched nothing comes back as written (see NO_MATCH).
  // A directory that cannot be read is said so in find's words; one that is missing, by ls.
  "(set -f; IFS='\n'; for d in $(printf '%s\\n' \"$reqs\" | sed -n 's/^d//p'); do [ -d \"$d\" ] || continue; [ -r \"$d\" ] && [ -x \"$d\" ] || { echo \"find: $d: Permission denied\"; continue; }; set +f; printf '%s\\n' \"$d\"/* \"$d\"/.[!.]* \"$d\"/..?*; set -f; done)",
  'echo @@read',
  // awk names each file it could not read on stderr; those alone get `ls -ldn` (for the errno),
  // kept by the shell itself (no other tool to go missing) and printed once every frame is out.
  "{ printf '%s\\n' \"$reqs\" | sed -n 's/^r//p' | tr '\\n' '\\0' | xargs -0 -r awk \"$prog\" 2>&1 >&3 | tr '\\n' '\\0' | xargs -0 -r ls -ldn -- 2>&1 | { failed=; while IFS= read -r l; do failed=\"$failed$l\n\"; done; echo @@failed; printf '%s' \"$failed\"; }; } 3>&1",
  'echo @@end',
  '}',
  'if command -v gzip >/dev/null 2>&1; then answer | gzip; else answer; fi',
].join('\n');

/** What the script reads on stdin for these requests (op + path each, no newline in a path). */
export function requestInput(requests: readonly string[]): string {
  return `${requests.join('\n')}\n`;
}

/** Reads each argument whole (RS is a byte no kernel text file holds) and frames it. */
export const AWK = `BEGIN {
  RS = "\\001"; cap = ${FILE_LIMIT}
  for (i = 1; i < ARGC; i++) {
    f = ARGV[i]; c = ""; n = 0; st = 0
    while ((r = (getline x < f)) > 0) { c = (n++ ? c RS x : x); if (length(c) > cap) break }
    if (r < 0) { st = 1; print f > "/dev/stderr" }
    close(f)
    if (length(c) > cap) { c = substr(c, 1, cap); st = 2 }
    printf "%d %d %s\\n", st, length(c), f
    printf "%s", c
  }
  exit
}`;

export type Op = 'r' | 'd' | 'l';

/** What `ls -ldn` said of one path. */
export interface LsEntry {
  exists: boolean;
  dir: boolean;
  target: string | null;
  /** The errno (ENOENT, EACCES, ...) of the last error about this path. */
  code: string | null;
  message: string | null;
}

export interface BatchAnswer {
  ls: Map<string, LsEntry>;
  /** Directory -> entry names (only directories that were asked for and could be listed). */
  dirs: Map<string, string[]>;
  /** Directories `find` could not list, with the errno. */
  dirErrors: Map<string, { code: string; message: string }>;
  reads: Map<string, { status: number; text: string }>;
}

const ERRNO: Record<string, string> = {
  'No such file or directory': 'ENOENT',
  'Permission denied': 'EACCES',
  'Operation not permitted': 'EPERM',
  'No such process': 'ESRCH',
  'Not a directory': 'ENOTDIR',
  'Is a directory': 'EISDIR',
};

/** "ls: /p: No such file or directory" (busybox) or "ls: cannot access '/p': ..." (GNU) -> path, errno. */
export function parseToolError(line: string, tool: 'ls' | 'find'): { path: string; code: string; message: string } | null {
  if (!line.startsWith(`${tool}: `)) return null;
  const rest = line.slice(tool.length + 2);
  const quoted = /'(\/[^']*)'/.exec(rest);
  const bare = /^(\/.*?): /.exec(rest);
  const path = quoted?.[1] ?? bare?.[1];
  if (!path) return null;
  const message = rest.slice(rest.lastIndexOf(': ') + 2).trim();
  return { path, code: ERRNO[message] ?? 'EIO', message };
}

function parseLsLine(line: string): { path: string; entry: LsEntry } | null {
  if (!/^[-dlcbps][-rwxsStT]{9}/.test(line)) return null;
  const at = line.indexOf(' /');
  if (at < 0) return null;
  const rest = line.slice(at + 1);
  const arrow = line[0] === 'l' ? rest.indexOf(' -> ') : -1;
  const path = arrow < 0 ? rest : rest.slice(0, arrow);
  return { path, entry: { exists: true, dir: line[0] === 'd', target: arrow < 0 ? null : rest.slice(arrow + 4), code: null, message: null } };
}

/** The most one batch may print before it is cut off, and the most its answer may unpack to. */
export const OUTPUT_LIMIT = 64 * 1024 * 1024;

/**
 * The answer as text: gunzipped when it came compressed. A stream cut short gives what it
 * had (and parseBatch finds no @@end in it); one that is not gzip at all is said to be so.
 */
function uncompressed(out: Buffer): Buffer {
  if (out[0] !== 0x1f || out[1] !== 0x8b) return out;
  try {
    const { constants, gunzipSync } = zlib();
    return gunzipSync(out, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: OUTPUT_LIMIT });
  } catch (err) {
    throw new Error(`its compressed answer could not be read (${(err as Error).message}; it stopped midway or passed ${OUTPUT_LIMIT / 1024 / 1024} MiB)`);
  }
}

/**
 * The patterns the listing globs with, as the shell gives them back when nothing matched. No
 * directory the readers list (sysfs network devices and their attributes) has entries with
 * these names.
 */
const NO_MATCH = new Set(['*', '.[!.]*', '..?*']);

/** Splits the helper's stdout into its sections; throws when it stopped before @@end. */
export function parseBatch(raw: Buffer): BatchAnswer {
  const out = uncompressed(raw);
  const answer: BatchAnswer = { ls: new Map(), dirs: new Map(), dirErrors: new Map(), reads: new Map() };
  const mark = (m: string, from = 0): number => {
    const i = out.indexOf(`${m}\n`, from);
    if (i < 0 || (i > 0 && out[i - 1] !== 0x0a)) throw new Error(`its answer has no ${m} section (it stopped midway)`);
    return i;
  };
  const lsAt = mark('@@ls');
  const listAt = mark('@@list', lsAt);
  const readAt = mark('@@read', listAt);
  const lines = (a: number, b: number): string[] => out.subarray(a, b).toString('utf8').split('\n').filter((l) => l !== '');
  const lsLines = (a: number, b: number): void => {
    for (const line of lines(a, b)) {
      const err = parseToolError(line, 'ls');
      if (err) {
        const e = answer.ls.get(err.path) ?? { exists: err.code !== 'ENOENT' && err.code !== 'ENOTDIR', dir: false, target: null, code: null, message: null };
        answer.ls.set(err.path, { ...e, code: err.code, message: err.message });
        continue;
      }
      const parsed = parseLsLine(line);
      if (parsed) answer.ls.set(parsed.path, { ...parsed.entry, code: answer.ls.get(parsed.path)?.code ?? null, message: answer.ls.get(parsed.path)?.message ?? null });
    }
  };
  lsLines(lsAt + 5, listAt);
  for (const line of lines(listAt + 7, readAt)) {
    const err = parseToolError(line, 'find');
    if (err) {
      answer.dirErrors.set(err.path, { code: err.code, message: err.message });
      continue;
    }
    const slash = line.lastIndexOf('/');
    if (slash <= 0) continue;
    const dir = line.slice(0, slash);
    const name = line.slice(slash + 1);
    if (!answer.dirs.has(dir)) answer.dirs.set(dir, []);
    if (!NO_MATCH.has(name)) answer.dirs.get(dir)?.push(name);
  }
  let pos = readAt + 7;
  for (;;) {
    if (out.subarray(pos, pos + 9).toString() === '@@failed\n') {
      const endAt = mark('@@end', pos);
      lsLines(pos + 9, endAt);
      return answer;
    }
    const nl = out.indexOf(0x0a, pos);
    const m = nl < 0 ? null : /^(\d) (\d+) (\/.*)$/.exec(out.subarray(pos, nl).toString('utf8'));
    if (!m) throw new Error('its answer was cut off in the middle of a file (it stopped midway)');
    const len = Number(m[2]);
    if (nl + 1 + len > out.length) throw new Error(`its answer was cut off in ${m[3]} (it stopped midway)`);
    answer.reads.set(m[3], { status: Number(m[1]), text: out.subarray(nl + 1, nl + 1 + len).toString('utf8') });
    pos = nl + 1 + len;
  }
}
