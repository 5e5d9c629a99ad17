/**
 * GETs pipelined on a few kept-open connections to a local engine's socket (HTTP/1.1
 * pipelining, RFC 9112 §9.3): a burst of inspects is written without waiting for answers,
 * and the answers are read back in order. Node's http client sends one request per socket
 * at a time, and its per-request work was most of a 200-container snapshot's HTTP cost;
 * here a request is one line of text and an answer one framed body.
 *
 * Only what the engine sends is read: a status line, headers, and a body framed by
 * Content-Length or by chunked coding. Anything else on a connection (another coding, an
 * answer without a length, `Connection: close`, a malformed line, the socket closing, an
 * answer slow to come or a request timing out) ends that connection, and every request
 * still waiting on it is sent again through the plain client, which answers or fails as it
 * always did: nothing is lost, and no error text is made up here.
 */
import * as net from 'node:net';
import { answer, getJson, type HttpTarget, type StatusReasons } from './http';

/** Connections per engine: enough for the engine to work on two inspects at once. */
const LANES = 2;
/** Requests written ahead of their answers on one connection; more go through the plain client. */
const DEPTH = 1024;
/** An idle connection closes after this; the next burst opens it again. */
const IDLE_MS = 1000;
/**
 * An answer the engine is slow to give (an inspect waits while its container is being
 * stopped) holds up every request behind it on the connection. After this long without an
 * answer the connection is given up and its requests go on alone, each with its own deadline.
 */
const STALL_MS = 250;
/** Answers handed over in one turn of the event loop (see Lane.drain). */
const PER_TURN = 4;
/** A header block longer than this is not an engine's answer. */
const MAX_HEAD = 64 * 1024;

interface Waiting {
  path: string;
  reasons: StatusReasons;
  signal: AbortSignal | undefined;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/** One answer's framing, read from its head; null when it cannot be read on a kept-open connection. */
function framing(head: string): { status: number; length: number | 'chunked'; close: boolean } | null {
  const lines = head.split('\r\n');
  const m = /^HTTP\/1\.1 (\d{3})(?: .*)?$/.exec(lines[0]);
  if (!m) return null;
  const status = Number(m[1]);
  let length: number | 'chunked' | undefined;
  let close = false;
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i <= 0) return null;
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim().toLowerCase();
    if (name === 'transfer-encoding') {
      if (value !== 'chunked') return null;
      length = 'chunked';
    } else if (name === 'content-length') {
      if (!/^\d+$/.test(value) || length === 'chunked') return null;
      length = Number(value);
    } else if (name === 'connection' && value.split(',').some((v) => v.trim() === 'close')) close = true;
  }
  if (status < 200) return null;
  if (length === undefined) {
    if (status === 204 || status === 304) length = 0;
    else return null; // the body runs to the end of the connection: nothing can follow it
  }
  return { status, length, close };
}

/**
 * A chunked body from `at`: the body and where the answer ends, 'more' when not all of it
 * has arrived, or null when it is not chunked coding.
 */
function chunked(buf: Buffer, at: number): { body: Buffer; end: number } | 'more' | null {
  const parts: Buffer[] = [];
  let p = at;
  for (;;) {
    const eol = buf.indexOf('\r\n', p, 'latin1');
    // A chunk-size line is a few hex digits and perhaps an extension, never a kilobyte.
    if (eol < 0) return buf.length - p > 1024 ? null : 'more';
    const size = /^([0-9a-fA-F]+)(?:[ \t]*;.*)?$/.exec(buf.toString('latin1', p, eol));
    if (!size || size[1].length > 8) return null;
    const n = parseInt(size[1], 16);
    if (n === 0) {
      // Trailer fields, if any, then the empty line.
      let q = eol + 2;
      for (;;) {
        const e = buf.indexOf('\r\n', q, 'latin1');
        if (e < 0) return 'more';
        if (e === q) return { body: Buffer.concat(parts), end: e + 2 };
        q = e + 2;
      }
    }
    if (buf.length < eol + 2 + n + 2) return 'more';
    if (buf[eol + 2 + n] !== 13 || buf[eol + 3 + n] !== 10) return null;
    parts.push(buf.subarray(eol + 2, eol + 2 + n));
    p = eol + 2 + n + 2;
  }
}

class Lane {
  private socket: net.Socket | null = null;
  /** Written, answers pending, in order. */
  private readonly sent: Waiting[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private out: string[] = [];
  private flushQueued = false;
  private idle: NodeJS.Timeout | null = null;
  private stall: NodeJS.Timeout | null = null;
  private later: NodeJS.Immediate | null = null;

  constructor(
    private readonly target: HttpTarget,
    private readonly onDone: (lane: Lane) => void,
  ) {}

  get load(): number {
    return this.sent.length;
  }

  send(w: Waiting): void {
    if (this.idle) {
      clearTimeout(this.idle);
      this.idle = null;
    }
    if (!this.socket) this.open();
    this.socket?.ref();
    this.sent.push(w);
    if (this.sent.length === 1) this.waitForHead();
    this.out.push(`GET ${w.path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    // Requests made in the same turn go out in one write.
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => {
        this.flushQueued = false;
        if (this.socket && this.out.length) this.socket.write(this.out.join(''));
        this.out = [];
      });
    }
    w.signal?.addEventListener('abort', () => this.drop(), { once: true });
  }

  private open(): void {
    const socket = net.connect(this.target.socketPath as string);
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => this.read(d));
    // Any end of the connection with answers owed: those requests go again, one by one.
    socket.on('error', () => this.drop());
    socket.on('close', () => this.drop());
  }

  /** (Re)starts the wait for the first answer owed. */
  private waitForHead(): void {
    if (this.stall) clearTimeout(this.stall);
    this.stall = null;
    if (!this.sent.length) return;
    this.stall = setTimeout(() => this.drop(), STALL_MS);
    this.stall.unref();
  }

  private read(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    if (!this.later) this.drain();
  }

  /**
   * Hands over the answers that have arrived, a few per turn of the event loop: each answer
   * starts its container's reads, and a 64 KB chunk holds fifteen of them.
   */
  private drain(): void {
    this.later = null;
    let handled = 0;
    while (this.sent.length) {
      if (handled++ === PER_TURN) {
        this.later = setImmediate(() => this.drain());
        return;
      }
      const he = this.buf.indexOf('\r\n\r\n', 0, 'latin1');
      if (he < 0) {
        if (this.buf.length > MAX_HEAD) this.drop();
        return;
      }
      const f = framing(this.buf.toString('latin1', 0, he));
      if (!f) return this.drop();
      let body: Buffer;
      let end: number;
      if (f.length === 'chunked') {
        const c = chunked(this.buf, he + 4);
        if (c === null) return this.drop();
        if (c === 'more') return;
        ({ body, end } = c);
      } else {
        end = he + 4 + f.length;
        if (this.buf.length < end) return;
        body = this.buf.subarray(he + 4, end);
      }
      this.buf = this.buf.subarray(end);
      const w = this.sent.shift() as Waiting;
      this.waitForHead();
      if (!w.signal?.aborted) answer(f.status, body, w.reasons, w.resolve, w.reject);
      if (f.close) return this.drop();
    }
    if (this.buf.length) return this.drop(); // bytes nobody asked for
    // Nothing owed: the open connection keeps no process alive, and closes if nothing follows.
    this.socket?.unref();
    this.idle = setTimeout(() => this.drop(), IDLE_MS);
    this.idle.unref();
  }

  close(): void {
    this.drop();
  }

  /** Ends the connection; what it still owed goes through the plain client. */
  private drop(): void {
    if (this.idle) clearTimeout(this.idle);
    if (this.stall) clearTimeout(this.stall);
    if (this.later) clearImmediate(this.later);
    this.idle = this.stall = null;
    this.later = null;
    const socket = this.socket;
    this.socket = null;
    this.buf = Buffer.alloc(0);
    this.out = [];
    const owed = this.sent.splice(0);
    socket?.destroy();
    for (const w of owed) {
      if (w.signal?.aborted) continue; // its own deadline has already answered it
      getJson(this.target, w.path, w.reasons, w.signal).then(w.resolve, w.reject);
    }
    this.onDone(this);
  }
}

/** Pipelined GETs on a socket target's few connections. */
export class Pipeline {
  private readonly lanes: Lane[] = [];
  private disposed = false;

  constructor(private readonly target: HttpTarget) {}

  get(path: string, reasons: StatusReasons, signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let lane = this.lanes.reduce<Lane | undefined>((best, l) => (!best || l.load < best.load ? l : best), undefined);
      if (!this.disposed && (!lane || (lane.load > 0 && this.lanes.length < LANES))) this.lanes.push((lane = new Lane(this.target, (l) => this.forget(l))));
      if (!lane || signal?.aborted || lane.load >= DEPTH) getJson(this.target, path, reasons, signal).then(resolve, reject);
      else lane.send({ path, reasons, signal, resolve, reject });
    });
  }

  /** Closes the connections; requests still waiting go through the plain client. */
  dispose(): void {
    this.disposed = true;
    for (const lane of [...this.lanes]) lane.close();
  }

  private forget(lane: Lane): void {
    const i = this.lanes.indexOf(lane);
    if (i >= 0) this.lanes.splice(i, 1);
  }
}

/** Pipelined GETs for a socket target; tcp and TLS targets are not pipelined (null). */
export function pipelineFor(target: HttpTarget): Pipeline | null {
  return target.socketPath === undefined ? null : new Pipeline(target);
}
