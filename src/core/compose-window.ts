/**
 * Cutting a Compose file down to what a hover needs, so that the YAML parser (about 1 s for
 * 1 MB) reads a few lines instead of the whole file: the top-level block under the cursor —
 * or just the one service under `services:` — plus every block that defines an anchor those
 * lines use, and, for an `x-` block, the services that use its anchors. Whole lines are
 * copied, so columns stay as they are; a table maps window lines back to file lines.
 *
 * The cut is made from the file's layout (top-level keys at column 0, services at the first
 * indentation under `services:`). When the layout is not that plain (several documents,
 * tabs, a root sequence, complex keys, a services map written inline), the window is the
 * whole file.
 */
import type { TextPosition, TextRange } from './dockerfile';

export interface ComposeWindow {
  /** The text to parse: whole lines of the file, in file order. */
  text: string;
  /** A file offset as an offset in `text` (null when that line is not in the window). */
  toLocal(offset: number, localLineStarts: number[]): number | null;
  /** A range in `text` as a range in the file. */
  toFile(range: TextRange): TextRange;
  /**
   * Set when the services that use an `x-` block were too many to parse: their names, found
   * by their `*alias` of the block's anchors (the window then holds none of them).
   */
  usersByText?: string[];
}

/** Above this many lines of services that use an `x-` block, they are named by text, not parsed. */
const MAX_USER_LINES = 600;

/** A lone CR (old Mac line ends) becomes LF: the same length, so offsets and columns hold. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Offsets where each line starts (after LF; CR LF ends a line at its LF). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i >= 0) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** Lines [start, end) of the file. */
interface Block {
  name: string;
  start: number;
  end: number;
  /** For `services:`: one block per service, or null when the services cannot be told apart by layout. */
  children?: Block[] | null;
}

interface Outline {
  text: string;
  /** Null: the layout is not plain enough to cut; use the whole file. */
  tops: Block[] | null;
}

let lastOutline: Outline | null = null;

/** Windows already cut from the last outline, by the block under the cursor. */
let windows = new Map<Block, ComposeWindow>();

/**
 * The window for a hover on `line` (or, with `topKey`, for reading that top-level key);
 * null when the line is in no block (blank or comment lines before the first key).
 */
export function composeWindow(text: string, lineStarts: number[], line: number, topKey?: string): ComposeWindow | null {
  if (lastOutline?.text !== text) {
    lastOutline = { text, tops: outline(text, lineStarts) };
    windows = new Map();
  }
  const tops = lastOutline.tops;
  if (!tops) return wholeWindow(text, lineStarts);
  const top = topKey !== undefined ? tops.find((b) => b.name === topKey) : tops.find((b) => line >= b.start && line < b.end);
  if (!top) return null;
  const under = top.name === 'services' && top.children && line !== top.start ? (blockOfLine(top.children, line) ?? top) : top;
  const known = windows.get(under);
  if (known) return known;
  const chosen = new Set<Block>([under]);
  const cut = new Cutter(text, lineStarts, tops);
  const usersByText = top.name.startsWith('x-') ? cut.addUsers(chosen) : undefined;
  cut.addDefinitions(chosen);
  const window = cut.window(chosen);
  if (usersByText) window.usersByText = usersByText;
  windows.set(under, window);
  return window;
}

/** The whole text as a window (nothing cut). */
export function wholeWindow(text: string, lineStarts: number[]): ComposeWindow {
  return makeWindow(text, lineStarts, [{ start: 0, end: lineStarts.length }]);
}

function outline(text: string, lines: number[]): Block[] | null {
  const tops: Block[] = [];
  const names = new Set<string>();
  // Only lines that start with something other than a space, a line end or `#` matter: the
  // regular expression finds them without a step per line in script.
  for (const i of linesMatching(text, lines, /^[^ \r\n#]/gm, 0, text.length)) {
    const c = text[lines[i]];
    if (c === '\t' || '%?[{!&*|>@`'.includes(c)) return null;
    if (c === '-') {
      // One `---` before the first key only starts the document; any later one starts another.
      const marker = text.startsWith('---', lines[i]);
      if (marker && !tops.length && /^---[ \t]*(?:#.*)?\r?$/.test(lineAt(text, lines, i))) continue;
      if (marker || !tops.length) return null;
      continue;
    }
    if (c === '.' && text.startsWith('...', lines[i])) return null;
    const key = keyName(lineAt(text, lines, i));
    if (names.has(key)) return null;
    names.add(key);
    if (tops.length) tops[tops.length - 1].end = i;
    tops.push({ name: key, start: i, end: lines.length });
  }
  const services = tops.find((b) => b.name === 'services');
  if (services) services.children = serviceBlocks(text, lines, services);
  return tops;
}

/** Line numbers of the line starts in [from, to) where `re` (global, multiline, anchored with ^) matches. */
function* linesMatching(text: string, lines: number[], re: RegExp, from: number, to: number): Generator<number> {
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const line = lineOf(lines, m.index);
    // `^` also matches after U+2028/U+2029, which do not end a line here.
    if (lines[line] === m.index) yield line;
    if (re.lastIndex === m.index) re.lastIndex++;
  }
}

function lineOf(lines: number[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of line `i` without its line end. */
function lineAt(text: string, lines: number[], i: number): string {
  return text.slice(lines[i], (lines[i + 1] ?? text.length + 1) - 1);
}

/** The block (of sorted, adjoining blocks) that holds `line`, by binary search. */
function blockOfLine(blocks: Block[], line: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= line) lo = mid;
    else hi = mid - 1;
  }
  const b = blocks[lo];
  return b && line >= b.start && line < b.end ? b : undefined;
}

/** The key a `key: value` line starts with, as written (quotes removed); '' if none. */
function keyName(line: string): string {
  const m = /^(?:"([^"]*)"|'([^']*)'|([^\s:#][^:#]*?))\s*:(?:\s|$)/.exec(line);
  return m ? (m[1] ?? m[2] ?? m[3]) : '';
}

function indentOf(text: string, start: number): number {
  let n = 0;
  while (text.charCodeAt(start + n) === 32) n++;
  return n;
}

/** LF, CR, # or the end of the text at this offset. */
function isBlankOrComment(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 10 || c === 13 || c === 35 || Number.isNaN(c);
}

function serviceBlocks(text: string, lines: number[], services: Block): Block[] | null {
  if (!/^(?:"services"|'services'|services)\s*:\s*(?:#.*)?\r?$/.test(lineAt(text, lines, services.start))) return null;
  // The services' indentation: that of the first line under the header that is not blank or a comment.
  let indent = -1;
  for (let i = services.start + 1; i < services.end && indent < 0; i++) {
    const n = indentOf(text, lines[i]);
    if (!isBlankOrComment(text, lines[i] + n)) indent = n;
  }
  if (indent <= 0) return null;
  const children: Block[] = [];
  const end = services.end < lines.length ? lines[services.end] : text.length;
  // Lines indented no deeper than a service: service names, comments, or something that breaks the layout.
  for (const i of linesMatching(text, lines, new RegExp(`^ {0,${indent}}[^ \\r\\n]`, 'gm'), lines[services.start + 1] ?? end, end)) {
    const n = indentOf(text, lines[i]);
    const c = text[lines[i] + n];
    if (c === '#') continue;
    if (n < indent || c === '\t' || c === '-' || '%?[{!&*|>@`'.includes(c)) return null;
    if (children.length) children[children.length - 1].end = i;
    children.push({ name: '', start: i, end: services.end });
  }
  return children;
}

/** Chooses the extra blocks a window needs. */
class Cutter {
  constructor(
    private readonly text: string,
    private readonly lines: number[],
    private readonly tops: Block[],
  ) {}

  /** Adds, until nothing changes, the blocks that define the anchors the chosen blocks use. */
  addDefinitions(chosen: Set<Block>): void {
    const seen = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const b of [...chosen]) {
        for (const name of this.names(b, '*')) {
          if (seen.has(name)) continue;
          seen.add(name);
          for (const d of this.blocksWith(`&${name}`)) {
            if (chosen.has(d)) continue;
            chosen.add(d);
            changed = true;
          }
        }
      }
    }
  }

  /**
   * Adds the blocks that use the chosen blocks' anchors, and those that use theirs, and so on.
   * When the services among them are too many to parse in a hover, adds only the top-level
   * blocks and returns the services' names instead.
   */
  addUsers(chosen: Set<Block>): string[] | undefined {
    const users = new Set<Block>(chosen);
    const seen = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      // Through the top-level blocks only: a service's own anchors are followed when it is parsed.
      for (const b of [...users].filter((u) => this.tops.includes(u))) {
        for (const name of this.names(b, '&')) {
          if (seen.has(name)) continue;
          seen.add(name);
          for (const u of this.blocksWith(`*${name}`)) {
            if (users.has(u)) continue;
            users.add(u);
            changed = true;
          }
        }
      }
    }
    const services = [...users].filter((b) => !this.tops.includes(b));
    const lines = services.reduce((n, b) => n + b.end - b.start, 0);
    if (lines <= MAX_USER_LINES) {
      for (const u of users) chosen.add(u);
      return undefined;
    }
    for (const u of users) if (this.tops.includes(u)) chosen.add(u);
    return services.sort((a, b) => a.start - b.start).map((b) => this.serviceName(b));
  }

  private serviceName(b: Block): string {
    const start = this.lines[b.start];
    const n = indentOf(this.text, start);
    return keyName(this.text.slice(start + n, (this.lines[b.start + 1] ?? this.text.length + 1) - 1));
  }

  /** Anchor (`&`) or alias (`*`) names written in a block (a superset: `&&` in a command counts too). */
  private names(b: Block, sigil: '&' | '*'): string[] {
    const body = this.text.slice(this.lines[b.start], this.lines[b.end] ?? this.text.length);
    const re = sigil === '&' ? /&([^\s,[\]{}]+)/g : /\*([^\s,[\]{}]+)/g;
    return [...new Set([...body.matchAll(re)].map((m) => m[1]))];
  }

  /** The blocks (a service, or a top-level block) where `needle` occurs as a whole anchor or alias. */
  private blocksWith(needle: string): Block[] {
    const found = new Set<Block>();
    for (let i = this.text.indexOf(needle); i >= 0; i = this.text.indexOf(needle, i + 1)) {
      const next = this.text[i + needle.length];
      if (next !== undefined && !/[\s,[\]{}]/.test(next)) continue;
      const b = this.blockAt(i);
      if (b) found.add(b);
    }
    return [...found];
  }

  private blockAt(offset: number): Block | undefined {
    const line = lineOf(this.lines, offset);
    const top = this.tops.find((b) => line >= b.start && line < b.end);
    if (top?.name !== 'services' || !top.children?.length || line === top.start) return top;
    return blockOfLine(top.children, line) ?? top;
  }

  window(chosen: Set<Block>): ComposeWindow {
    const services = this.tops.find((b) => b.name === 'services');
    const spans: Array<{ start: number; end: number }> = [];
    const blocks = [...chosen];
    if (services && !chosen.has(services) && blocks.some((b) => services.children?.includes(b))) {
      spans.push({ start: services.start, end: services.start + 1 });
    }
    for (const b of blocks) spans.push({ start: b.start, end: b.end });
    spans.sort((a, b) => a.start - b.start);
    return makeWindow(this.text, this.lines, spans);
  }
}

/** A window made of the given line spans (sorted, not overlapping). */
function makeWindow(text: string, lines: number[], spans: Array<{ start: number; end: number }>): ComposeWindow {
  const segments: Array<{ file: number; local: number; count: number }> = [];
  const parts: string[] = [];
  let local = 0;
  for (const s of spans) {
    parts.push(text.slice(lines[s.start], lines[s.end] ?? text.length));
    segments.push({ file: s.start, local, count: s.end - s.start });
    local += s.end - s.start;
  }
  const windowText = segments.length === 1 && spans[0].start === 0 && spans[0].end === lines.length ? text : parts.join('');
  const fileLine = (l: number): number => {
    const seg = segments.find((s) => l >= s.local && l < s.local + s.count) ?? segments[segments.length - 1];
    return seg ? seg.file + (l - seg.local) : l;
  };
  return {
    text: windowText,
    toLocal(offset, localLines) {
      const pos = positionIn(lines, offset);
      const seg = segments.find((s) => pos.line >= s.file && pos.line < s.file + s.count);
      if (!seg) return null;
      const start = localLines[seg.local + (pos.line - seg.file)];
      return start === undefined ? null : start + pos.character;
    },
    toFile(range) {
      return {
        start: { line: fileLine(range.start.line), character: range.start.character },
        end: { line: fileLine(range.end.line), character: range.end.character },
      };
    },
  };
}

export function positionIn(lines: number[], offset: number): TextPosition {
  const line = lineOf(lines, offset);
  return { line, character: offset - lines[line] };
}
