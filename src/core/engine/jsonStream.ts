/**
 * Splits a stream of concatenated JSON objects (what GET /events sends: one object per
 * line, but chunks may cut an object anywhere, even inside a UTF-8 character, or carry
 * several) into the text of each complete top-level object.
 */
import { StringDecoder } from 'node:string_decoder';

export class JsonObjectSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private buf = '';
  /** Scan position in buf, and the scanner's state there. */
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = -1;

  /** Feeds a chunk; returns the complete objects it finished, in order. */
  push(chunk: Buffer | string): string[] {
    this.buf += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const out: string[] = [];
    for (; this.pos < this.buf.length; this.pos++) {
      const c = this.buf.charCodeAt(this.pos);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c /* \ */) this.escaped = true;
        else if (c === 0x22 /* " */) this.inString = false;
        continue;
      }
      if (c === 0x22) {
        if (this.depth > 0) this.inString = true;
      } else if (c === 0x7b /* { */) {
        if (this.depth === 0) this.start = this.pos;
        this.depth++;
      } else if (c === 0x7d /* } */ && this.depth > 0) {
        this.depth--;
        if (this.depth === 0) {
          out.push(this.buf.slice(this.start, this.pos + 1));
          this.start = -1;
        }
      }
    }
    // Keep only the unfinished object (if any) for the next chunk.
    const keepFrom = this.start >= 0 ? this.start : this.buf.length;
    this.buf = this.buf.slice(keepFrom);
    this.pos -= keepFrom;
    if (this.start >= 0) this.start = 0;
    return out;
  }

  /** Bytes of an object still incomplete (for diagnostics). */
  get pending(): number {
    return this.buf.length;
  }
}
