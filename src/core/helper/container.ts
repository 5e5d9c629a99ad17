/**
 * The helper container on an engine: found by its fixed name and label (so a second start,
 * even after a crash, finds the first), started from an image already on the engine, asked
 * for files with one exec per batch, and gone after ten idle minutes or on dispose.
 */
import { PassThrough } from 'node:stream';
import type { Engine } from '../engine/connection';
import { AWK, OUTPUT_LIMIT, parseBatch, requestInput, SCRIPT, type BatchAnswer } from './script';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */

export const HELPER_NAME = 'container-anatomy-helper';
export const HELPER_LABEL = 'io.container-anatomy.helper';
export const IDLE_MINUTES = 10;
/** Official images that have /bin/sh, in the order they are preferred. */
export const IMAGE_CANDIDATES = ['busybox', 'alpine', 'debian', 'ubuntu'];
const BATCH_TIMEOUT_MS = 60_000;

/** The main process: exits once /run/used (touched by every batch) is ten minutes old. */
const IDLE_SCRIPT = `: > /run/used; while sleep 30; do [ -n "$(find /run/used -mmin -${IDLE_MINUTES})" ] || exit 0; done`;

export class HelperError extends Error {}

/** True for the helper container itself (a list entry or an inspect): it is not shown as one of the engine's containers. */
export function isHelper(raw: { Labels?: Record<string, string>; Config?: { Labels?: Record<string, string> } }): boolean {
  return (raw.Labels ?? raw.Config?.Labels ?? {})[HELPER_LABEL] !== undefined;
}

/** One `docker run` flag and what it sets in the create request. */
interface Flag {
  cli: string[];
  apply(hc: any): void;
}

/** The run flags, from what the engine says it supports. One list serves the request and the line shown for consent. */
function flags(info: any): Flag[] {
  const sec: string[] = (info?.SecurityOptions ?? []).map(String);
  const out: Flag[] = [
    { cli: ['--rm'], apply: (hc) => (hc.AutoRemove = true) },
    { cli: ['--pid=host'], apply: (hc) => (hc.PidMode = 'host') },
    { cli: ['--network=host'], apply: (hc) => (hc.NetworkMode = 'host') },
    { cli: ['--uts=host'], apply: (hc) => (hc.UTSMode = 'host') },
    { cli: ['--cgroupns=host'], apply: (hc) => (hc.CgroupnsMode = 'host') },
  ];
  if (sec.some((s) => s.includes('name=userns'))) out.push({ cli: ['--userns=host'], apply: (hc) => (hc.UsernsMode = 'host') });
  out.push(
    { cli: ['--read-only'], apply: (hc) => (hc.ReadonlyRootfs = true) },
    { cli: ['--tmpfs', '/run:size=64k'], apply: (hc) => (hc.Tmpfs = { '/run': 'size=64k' }) },
    { cli: ['--cap-drop', 'ALL'], apply: (hc) => (hc.CapDrop = ['ALL']) },
    { cli: ['--cap-add', 'SYS_PTRACE'], apply: (hc) => (hc.CapAdd = ['SYS_PTRACE']) },
    { cli: ['--security-opt', 'apparmor=unconfined'], apply: (hc) => (hc.SecurityOpt = [...(hc.SecurityOpt ?? []), 'apparmor=unconfined']) },
    { cli: ['--security-opt', 'label=disable'], apply: (hc) => (hc.SecurityOpt = [...(hc.SecurityOpt ?? []), 'label=disable']) },
    { cli: ['--security-opt', 'no-new-privileges'], apply: (hc) => (hc.SecurityOpt = [...(hc.SecurityOpt ?? []), 'no-new-privileges']) },
  );
  if (info?.MemoryLimit !== false) out.push({ cli: ['--memory', '64m'], apply: (hc) => (hc.Memory = 64 * 1024 * 1024) });
  if (info?.PidsLimit !== false) out.push({ cli: ['--pids-limit', '64'], apply: (hc) => (hc.PidsLimit = 64) });
  if (info?.CpuCfsQuota !== false) out.push({ cli: ['--cpus', '1'], apply: (hc) => (hc.NanoCpus = 1_000_000_000) });
  return out;
}

function quote(arg: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The `docker run` line equivalent to what is started: shown before asking, and in the README. */
export function commandLine(image: string, info: any): string {
  const args = ['docker', 'run', '-d', '--name', HELPER_NAME, '--label', `${HELPER_LABEL}=1`, ...flags(info).flatMap((f) => f.cli), image, 'sh', '-c', IDLE_SCRIPT];
  return args.map(quote).join(' ');
}

function createBody(image: string, info: any): any {
  const HostConfig: any = {};
  for (const f of flags(info)) f.apply(HostConfig);
  return { name: HELPER_NAME, Image: image, Cmd: ['sh', '-c', IDLE_SCRIPT], Labels: { [HELPER_LABEL]: '1' }, HostConfig };
}

function repoMatches(tag: string, name: string): boolean {
  const repo = tag.slice(0, tag.lastIndexOf(':'));
  return repo === name || repo === `library/${name}` || repo === `docker.io/library/${name}`;
}

/**
 * The image to run: the one named (it must be on the engine), or the first official image
 * of IMAGE_CANDIDATES the engine has. Never pulls.
 */
export async function chooseImage(engine: Engine, named: string | undefined): Promise<string> {
  if (named) {
    try {
      await engine.docker.getImage(named).inspect();
      return named;
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) {
        throw new HelperError(`the helper image ${named} is not on the engine (nothing is pulled without asking: run "docker pull ${named}" first)`);
      }
      throw new HelperError(`could not look up the helper image ${named}: ${(err as Error).message}`);
    }
  }
  const images: any[] = await engine.docker.listImages();
  const tags: string[] = images.flatMap((i) => (Array.isArray(i.RepoTags) ? i.RepoTags.map(String) : [])).filter((t: string) => !t.endsWith('<none>'));
  for (const name of IMAGE_CANDIDATES) {
    const hit = tags.find((t) => repoMatches(t, name));
    if (hit) return hit;
  }
  throw new HelperError(
    `no image with /bin/sh for the helper is on the engine (looked for ${IMAGE_CANDIDATES.join(', ')}; nothing is pulled without asking): ` +
      'run "docker pull busybox", or name an image in containerAnatomy.helper.image (CLI: --helper-image)',
  );
}

/** Helper containers of this engine by label, running or not. */
export async function listHelpers(engine: Engine): Promise<any[]> {
  return engine.docker.listContainers({ all: true, filters: { label: [HELPER_LABEL] } });
}

/** Creates the helper; a name still held by one that is stopping is waited for, a running one of ours is used. */
async function create(engine: Engine, image: string): Promise<string> {
  const docker = engine.docker;
  const info = await engine.info();
  for (let attempt = 0; ; attempt++) {
    try {
      return (await docker.createContainer(createBody(image, info))).id as string;
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 409) throw new HelperError(`could not create the helper container: ${(err as Error).message}`);
    }
    // Another start won the name, or a helper that was killed is still being removed.
    const other = await docker.getContainer(HELPER_NAME).inspect().catch(() => undefined);
    if (other && other.Config?.Labels?.[HELPER_LABEL] === undefined) throw new HelperError(`a container named ${HELPER_NAME} exists and is not a helper container: remove or rename it`);
    if (other?.State?.Running) return other.Id as string;
    if (attempt >= 20) throw new HelperError(`the name ${HELPER_NAME} is still held by a stopped helper container`);
    if (other) await docker.getContainer(other.Id).remove({ force: true }).catch(() => undefined); // removal already under way is fine
    await new Promise((r) => setTimeout(r, 250));
  }
}

export class HelperContainer {
  private constructor(
    private readonly engine: Engine,
    readonly id: string,
    readonly image: string,
    /** A process in the host's namespaces: the helper's shim, parent of its main process. */
    readonly hostPid: number,
  ) {}

  /** Finds the running helper or starts one. */
  static async ensure(engine: Engine, image: string): Promise<HelperContainer> {
    const docker = engine.docker;
    let id: string | undefined;
    for (const c of await listHelpers(engine)) {
      const names: string[] = (c.Names ?? []).map(String);
      if (!names.includes(`/${HELPER_NAME}`)) continue;
      if (c.State === 'running') id = c.Id;
      else await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined); // a leftover that has not gone yet
    }
    if (!id) {
      id = await create(engine, image);
      try {
        await docker.getContainer(id).start();
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 304) throw new HelperError(`the engine refused to start it: ${(err as Error).message}`);
      }
    }
    const raw = await docker.getContainer(id).inspect();
    const pid = Number(raw.State?.Pid ?? 0);
    if (!raw.State?.Running || !pid) throw new HelperError(`the helper container stopped right after it started (${raw.State?.Error || `exit code ${raw.State?.ExitCode}`})`);
    const helper = new HelperContainer(engine, id, String(raw.Config?.Image ?? image), 0);
    const status = await helper.batch([`r/proc/${pid}/status`]);
    const ppid = /^PPid:\s*(\d+)/m.exec(status.reads.get(`/proc/${pid}/status`)?.text ?? '')?.[1];
    if (!ppid) throw new HelperError(`the helper could not read /proc/${pid}/status: it cannot see the engine's processes`);
    return new HelperContainer(engine, id, helper.image, Number(ppid));
  }

  /** Runs the script once for these requests (on its stdin) and parses the answer. */
  async batch(requests: string[]): Promise<BatchAnswer> {
    const container = this.engine.docker.getContainer(this.id);
    let stream: NodeJS.ReadWriteStream & { destroy(): void };
    try {
      const exec = await container.exec({ Cmd: ['sh', '-c', SCRIPT, 'container-anatomy', AWK], AttachStdin: true, AttachStdout: true, AttachStderr: true, Env: ['LC_ALL=C'] });
      stream = (await exec.start({ hijack: true, stdin: true })) as typeof stream;
    } catch (err) {
      throw new HelperError(`the helper container is gone (${(err as Error).message.trim()})`);
    }
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks: Buffer[] = [];
    let total = 0;
    let errText = '';
    return new Promise<BatchAnswer>((resolve, reject) => {
      const timer = setTimeout(() => fail(new HelperError(`the helper did not answer within ${BATCH_TIMEOUT_MS / 1000} s`)), BATCH_TIMEOUT_MS);
      let done = false;
      const fail = (e: Error): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        stream.destroy();
        reject(e);
      };
      out.on('data', (c: Buffer) => {
        total += c.length;
        if (total > OUTPUT_LIMIT) fail(new HelperError(`the helper's answer passed ${OUTPUT_LIMIT / 1024 / 1024} MiB and was cut off`));
        else chunks.push(c);
      });
      err.on('data', (c: Buffer) => (errText = (errText + c.toString()).slice(-500)));
      stream.on('error', (e: Error) => fail(new HelperError(`reading the helper's answer failed: ${e.message}`)));
      stream.on('end', () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        try {
          resolve(parseBatch(Buffer.concat(chunks)));
        } catch (e) {
          reject(new HelperError(`the helper container stopped while reading: ${(e as Error).message}${errText ? ` (${errText.trim()})` : ''}`));
        }
      });
      this.engine.docker.modem.demuxStream(stream, out, err);
      // The requests, then the end of stdin (a half-close, as `docker exec -i` does), which
      // the script reads to before it starts.
      stream.end(requestInput(requests));
    });
  }

  async remove(): Promise<void> {
    await this.engine.docker.getContainer(this.id).remove({ force: true }).catch(() => undefined); // already gone (AutoRemove) is fine
  }
}
