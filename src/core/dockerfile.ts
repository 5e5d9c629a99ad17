/**
 * Which catalog topic sits under the cursor in a Dockerfile: an instruction keyword
 * (CMD/ENTRYPOINT refined by exec or shell form) or one of its `--flags`.
 *
 * A large file is not parsed whole (the parser takes about half a second per megabyte): a
 * quick scan finds where each instruction starts, and only the instruction under the cursor
 * is parsed.
 */
import { Dockerfile, DockerfileParser, Instruction, JSONInstruction, ModifiableInstruction, Onbuild } from 'dockerfile-ast';
import { hasTopic } from './catalog';

export interface TextPosition {
  line: number;
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

export interface TopicHit {
  topic: string;
  vars?: Record<string, string>;
  range: TextRange;
}

/** Files up to this size are parsed whole; larger ones one instruction at a time. */
const WHOLE_PARSE_CHARS = 64 * 1024;

/**
 * Of one instruction, at most this much is parsed: its keyword and flags come first, and an
 * instruction this long is a here-document or a run-on line (an unclosed `<<EOF` to the end
 * of a large file would otherwise take seconds).
 */
const MAX_PIECE_CHARS = 64 * 1024;

/** The topic at `position` (zero-based line and UTF-16 character), or null. Never throws. */
export function dockerfileTopicAt(text: string, position: TextPosition): TopicHit | null {
  if (typeof text !== 'string') return null;
  return text.length <= WHOLE_PARSE_CHARS ? dockerfileTopicAtWhole(text, position) : dockerfileTopicAtInstruction(text, position);
}

/** The lookup over the whole parsed file. */
export function dockerfileTopicAtWhole(text: string, position: TextPosition): TopicHit | null {
  if (typeof text !== 'string' || !validPosition(position)) return null;
  try {
    return hitAmong(parse(text), position);
  } catch (err) {
    // A parser failure on odd input means "nothing to explain here", not an error for the user.
    void err;
    return null;
  }
}

/** The lookup over the one instruction under the cursor, found by a scan of the lines. */
export function dockerfileTopicAtInstruction(text: string, position: TextPosition): TopicHit | null {
  if (typeof text !== 'string' || !validPosition(position)) return null;
  try {
    const outline = outlineOf(text);
    const starts = outline.starts;
    // The last instruction that starts at or before the cursor's line.
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || starts[0] > position.line || position.line >= outline.lines.length) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= position.line) lo = mid;
      else hi = mid - 1;
    }
    const from = starts[lo];
    const to = lo + 1 < starts.length ? starts[lo + 1] : outline.lines.length;
    const end = to < outline.lines.length ? outline.lines[to] : text.length;
    // The escape directive changes what continues a line: keep it in front of the piece.
    const prefix = outline.directive !== null && from > outline.directive ? lineText(text, outline.lines, outline.directive) + '\n' : '';
    const shift = from - (prefix ? 1 : 0);
    if (outline.lines[position.line] + position.character >= outline.lines[from] + MAX_PIECE_CHARS) return null;
    const piece = prefix + text.slice(outline.lines[from], Math.min(end, outline.lines[from] + MAX_PIECE_CHARS));
    const hit = hitAmong(parse(piece, pieceParses), { line: position.line - shift, character: position.character });
    if (!hit) return null;
    const move = (p: TextPosition): TextPosition => ({ line: p.line + shift, character: p.character });
    return { ...hit, range: { start: move(hit.range.start), end: move(hit.range.end) } };
  } catch (err) {
    void err;
    return null;
  }
}

function hitAmong(dockerfile: Dockerfile, position: TextPosition): TopicHit | null {
  for (const instruction of dockerfile.getInstructions()) {
    const hit = hitIn(instruction, position);
    if (hit) return hit;
  }
  return null;
}

type Parses = Array<{ text: string; dockerfile: Dockerfile }>;

/** Hovers ask about the same text many times in a row: keep the last parses (whole files, and pieces). */
const wholeParses: Parses = [];
const pieceParses: Parses = [];

function parse(text: string, cache: Parses = wholeParses): Dockerfile {
  const found = cache.find((p) => p.text === text);
  if (found) return found.dockerfile;
  const dockerfile = DockerfileParser.parse(text);
  cache.push({ text, dockerfile });
  if (cache.length > 2) cache.shift();
  return dockerfile;
}

interface Outline {
  text: string;
  /** Offset of each line's start. */
  lines: number[];
  /** Lines where an instruction starts. */
  starts: number[];
  /** The line of an `# escape=` directive, or null. */
  directive: number | null;
}

let lastOutline: Outline | null = null;

function lineText(text: string, lines: number[], line: number): string {
  const end = line + 1 < lines.length ? lines[line + 1] - 1 : text.length;
  return text.slice(lines[line], end).replace(/\r$/, '');
}

/**
 * Where instructions start: the first line that is not blank or a comment after the end of
 * the previous instruction, which ends at a line that does not end with the escape character
 * (comment and blank lines inside a continuation do not end it), after any here-documents
 * (`<<EOF` … `EOF`) it opens. Lines end at LF, CR LF or a lone CR, as for the parser.
 */
function outlineOf(text: string): Outline {
  if (lastOutline?.text === text) return lastOutline;
  const lines = [0];
  if (text.includes('\r') && /\r(?!\n)/.test(text)) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines.push(i + 1);
    }
  } else {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.push(i + 1);
  }
  let escape = '\\';
  let directive: number | null = null;
  const starts: number[] = [];
  let continued = false;
  let heredocs: Array<{ word: string; tabs: boolean }> = [];
  let directives = true;
  let nextHeredoc = text.indexOf('<<');
  for (let l = 0; l < lines.length; l++) {
    // The first non-blank character of the line, without cutting the line out of the text.
    let i = lines[l];
    const end = l + 1 < lines.length ? lines[l + 1] : text.length;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const first = i < end ? text.charCodeAt(i) : 10;
    const blank = first === 10 || first === 13;
    if (heredocs.length) {
      const line = lineText(text, lines, l);
      const candidate = heredocs[0].tabs ? line.replace(/^\t+/, '') : line;
      if (candidate === heredocs[0].word) heredocs.shift();
      continue;
    }
    if (directives) {
      const d = first === 35 ? /^#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(lineText(text, lines, l).trimStart()) : null;
      if (d && d[1].toLowerCase() === 'escape' && (d[2] === '`' || d[2] === '\\')) {
        escape = d[2];
        directive = l;
        continue;
      }
      if (!d) directives = false;
    }
    if (blank || first === 35) continue;
    if (!continued) starts.push(l);
    // Here-documents and the escape character at the line's end, read in place (no copy of the
    // line). The next `<<` in the text is searched again only once passed: one pass in all.
    if (nextHeredoc !== -1 && nextHeredoc < i) nextHeredoc = text.indexOf('<<', i);
    heredocs = nextHeredoc >= 0 && nextHeredoc < end
      ? [...lineText(text, lines, l).matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)].map((m) => ({ word: m[3], tabs: m[1] === '-' }))
      : [];
    let last = end - 1;
    while (last >= i && (text.charCodeAt(last) <= 32)) last--;
    continued = text[last] === escape && !heredocs.length;
  }
  lastOutline = { text, lines, starts, directive };
  return lastOutline;
}

function hitIn(instruction: Instruction, pos: TextPosition): TopicHit | null {
  if (!contains(instruction.getRange(), pos)) return null;
  const keyword = instruction.getKeyword();
  const keywordRange = instruction.getInstructionRange();
  if (contains(keywordRange, pos)) {
    const topic = keywordTopic(instruction, keyword);
    return topic ? { topic, range: copy(keywordRange) } : null;
  }
  if (instruction instanceof ModifiableInstruction) {
    for (const flag of instruction.getFlags()) {
      const range = flag.getRange();
      if (!contains(range, pos)) continue;
      const topic = `dockerfile.${keyword}.--${flag.getName()}`;
      if (!hasTopic(topic)) return null;
      const value = flag.getValue();
      return { topic, vars: value === null ? undefined : { value }, range: copy(range) };
    }
  }
  if (instruction instanceof Onbuild) {
    const trigger = instruction.getTriggerInstruction();
    if (trigger) return hitIn(trigger, pos);
  }
  return null;
}

function keywordTopic(instruction: Instruction, keyword: string): string | null {
  const base = `dockerfile.${keyword}`;
  if (!hasTopic(base)) return null;
  if ((keyword === 'CMD' || keyword === 'ENTRYPOINT') && instruction instanceof JSONInstruction) {
    return `${base}.${isExecForm(instruction) ? 'exec' : 'shell'}`;
  }
  return base;
}

/**
 * Docker treats the arguments as exec form only when they parse as a JSON array of
 * strings; anything else, including an unterminated array, runs under the shell.
 */
function isExecForm(instruction: JSONInstruction): boolean {
  const args = instruction.getArgumentsContent();
  if (args === null || !args.trimStart().startsWith('[')) return false;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string');
  } catch (err) {
    void err;
    return false;
  }
}

function validPosition(p: TextPosition | null | undefined): p is TextPosition {
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}

function before(a: TextPosition, b: TextPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Half-open: the character at `end` is outside. */
function contains(range: TextRange, pos: TextPosition): boolean {
  return !before(pos, range.start) && before(pos, range.end);
}

function copy(range: TextRange): TextRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
