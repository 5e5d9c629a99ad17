/**
 * What no rendered explanation may contain: a placeholder left unfilled, a sharing sentence that
 * names the row's own container as its peer, or (in Korean) an English sentence.
 */
import type { Lang } from '../../src/core/catalog';
import type { ContainerAnatomy, Snapshot } from '../../src/core/model';
import type { Rendered } from './render-all';

export interface Problem {
  where: string;
  problem: string;
  text: string;
}

/** `{name}`, `{name|이/가}` or `{0}` not preceded by a backslash (escaped data braces are fine). */
const PLACEHOLDER = /(?<!\\)\{(?:[A-Za-z_][A-Za-z0-9_]*(?:\|[^{}]*)?|\d+)\}/;

/** Sentences that make `name` the peer of a sharing, in either language. */
function selfPeerPatterns(name: string): RegExp[] {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const peerList = `(?:[^\\s,]+, )*${n}(?:,|\\b|$)`;
  return [
    new RegExp(`\\bjoin(?:s|ed)(?: by)? ${peerList}`), new RegExp(`(?:^|[\\s(])${n}'s \\w+ namespace`), new RegExp(`shared with ${peerList}`), new RegExp(`(?:^|\\s)${n} joined`),
    new RegExp(`(?:^|\\s)${n}에 합류`), new RegExp(`(?:^|\\s)${n}의 \\w+ 네임스페이스에`), new RegExp(`컨테이너: ${peerList}`), new RegExp(`(?:^|\\s|, )${n} 컨테이너(?:와|가)`),
  ];
}

/** Text with what may stay in English removed: code spans, paths, ids, quoted messages, data. */
function withoutCode(text: string, data: string[]): string {
  let s = text.replace(/`[^`]*`/g, ' ').replace(/"[^"]*"/g, ' ');
  for (const d of data.filter((x) => x.length > 1).sort((a, b) => b.length - a.length)) s = s.split(d).join(' ');
  // Tokens with anything but letters in them are identifiers, paths, numbers or values.
  return s
    .split(/\s+/)
    .map((w) => {
      // A comma, colon or full stop ends a run of words: "capability, seccomp, mount" is a list, not a sentence.
      const end = /[,;:.!?)\]]$/.test(w) ? ' ·' : '';
      const bare = w.replace(/^[([,;:·→⇄—-]+|[)\],;:.!?·→⇄—-]+$/g, '');
      return (/^[A-Za-z]+$/.test(bare) || /[\uAC00-\uD7A3]/.test(bare) ? bare : '·') + end;
    })
    .join(' ');
}

/** Words that are names, not English sentences, when they stand in Korean text. */
const TERMS = /\b(Docker Desktop|Docker|Compose|Linux|System V|CFS|NIS|OOM|NAT|veth|MAC|DNS|IP|IPv[46]|TLS|SSH|API|CPU|CPUs|PID|UTS|IPC|GiB|MiB|KiB|B|NSpid|uid_map|gid_map|cgroup|v[12]|systemd|cgroupfs|hybrid|bridge|host|none|container|macvlan|ipvlan|overlay|default|docker0|lo|eth0|gw|mac|if|ifindex|iflink|net|pid|ipc|uts|mnt|user|time|tcp|udp|SIGTERM|SIGKILL|EAGAIN|BFQ|CFQ|NUMA|TasksMax|localhost|ps|strace|kill|ptrace|rootless|userns-remap|compose|service|NetworkMode|PidMode|IpcMode|UTSMode|UsernsMode|CgroupnsMode|exec|nsenter|unshare|root|busybox|sleep)\b/g;

export function check(items: Rendered[], lang: Lang, snapshot: Snapshot): Problem[] {
  const problems: Problem[] = [];
  const data = [
    ...snapshot.containers.flatMap((c) => [c.name, c.id, c.id.slice(0, 12), c.image, c.status, ...c.networks.map((n) => n.name), c.network.rawMode, ...(c.compose ? [c.compose.project, c.compose.service] : [])]),
    ...(snapshot.host.bridges && 'value' in snapshot.host.bridges ? snapshot.host.bridges.value.flatMap((b) => [b.name, b.networkName ?? '']) : []),
  ].filter(Boolean) as string[];
  for (const item of items) {
    const add = (problem: string): void => void problems.push({ where: item.where, problem, text: item.text });
    const m = PLACEHOLDER.exec(item.text);
    if (m) add(`placeholder ${m[0]} left unfilled`);
    // Tooltips are Markdown with data escaped: read them as the person sees them.
    const plain = item.text.replace(/\\([\\`*_{}[\]()#+\-.!|~:])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const c: ContainerAnatomy | undefined = item.container;
    if (c) {
      for (const p of selfPeerPatterns(c.name)) if (p.test(plain)) add(`names its own container as the peer (${p.source})`);
    }
    if (lang === 'ko') {
      const rest = withoutCode(plain, data).replace(TERMS, '·');
      const english = rest.match(/[A-Za-z]+(?: [A-Za-z]+){2,}/);
      if (english) add(`English in Korean output: "${english[0]}"`);
    }
  }
  return problems;
}

export function describe(problems: Problem[]): string {
  return problems.map((p) => `${p.where}: ${p.problem}\n    ${p.text.replace(/\n/g, '\n    ').slice(0, 600)}`).join('\n');
}
