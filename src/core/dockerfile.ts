/**
 * Which catalog topic sits under the cursor in a Dockerfile: an instruction keyword
 * (CMD/ENTRYPOINT refined by exec or shell form) or one of its `--flags`.
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

/** The topic at `position` (zero-based line and UTF-16 character), or null. Never throws. */
export function dockerfileTopicAt(text: string, position: TextPosition): TopicHit | null {
  if (typeof text !== 'string' || !validPosition(position)) return null;
  try {
    for (const instruction of parse(text).getInstructions()) {
      const hit = hitIn(instruction, position);
      if (hit) return hit;
    }
    return null;
  } catch (err) {
    // A parser failure on odd input means "nothing to explain here", not an error for the user.
    void err;
    return null;
  }
}

/** Hovers ask about the same text many times in a row: keep the last parse. */
let last: { text: string; dockerfile: Dockerfile } | null = null;

function parse(text: string): Dockerfile {
  if (last?.text !== text) last = { text, dockerfile: DockerfileParser.parse(text) };
  return last.dockerfile;
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
