/**
 * The compose demo's services, read from demo-workspace/compose.yaml and turned into Engine API
 * create options the way `docker compose up` would, for the keys the file uses. A key this does
 * not know is an error, so the file cannot ask for something the demo containers do not have.
 * No Docker connection here: the unit tests check the file against what it creates.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/** The folder name is the project name, as Compose derives it; the compose hovers do the same. */
export const COMPOSE_PROJECT = 'anatomy-demo-app';
export const COMPOSE_FILE = path.join(__dirname, 'demo-workspace', 'compose.yaml');

export interface ServicePlan {
  service: string;
  /** Fields of POST /containers/create besides name and labels. */
  create: Record<string, unknown> & { HostConfig: Record<string, unknown> };
  /** Further networks to connect before start (Compose connects all but the first after create). */
  connect: string[];
  /** The service whose container this one joins (network_mode/pid "service:X"): created first. */
  after?: string;
}

export interface ComposePlan {
  /** Network key → full name, and whether it is internal. */
  networks: { key: string; name: string; internal: boolean }[];
  services: ServicePlan[];
}

/** "64m" → bytes, as Compose reads mem_limit. */
function bytes(v: unknown): number {
  const m = /^(\d+(?:\.\d+)?)([bkmg]?)$/i.exec(String(v).trim());
  if (!m) throw new Error(`not a size: ${String(v)}`);
  return Math.round(Number(m[1]) * 1024 ** 'bkmg'.indexOf(m[2].toLowerCase() || 'b'));
}

/** `service:<name>` → the id placeholder of that service's container, filled in at create. */
export const joined = (service: string): string => `container:{${service}}`;

/** The plan for a compose file's text: what `compose up` creates, service by service. */
export function composePlan(text: string, project = COMPOSE_PROJECT): ComposePlan {
  const doc = parse(text) as { services: Record<string, Record<string, unknown>>; networks?: Record<string, { internal?: boolean } | null> };
  const networks = [...Object.entries(doc.networks ?? {}), ['default', null] as const].map(([key, n]) => ({ key, name: `${project}_${key}`, internal: !!n?.internal }));
  const services = Object.entries(doc.services).map(([service, s]): ServicePlan => {
    const hc: Record<string, unknown> = {};
    const create: ServicePlan['create'] = { HostConfig: hc };
    const plan: ServicePlan = { service, create, connect: [] };
    let nets: string[] = ['default'];
    for (const [key, v] of Object.entries(s)) {
      switch (key) {
        case 'image': create.Image = v; break;
        case 'command': create.Cmd = v; break;
        case 'user': create.User = v; break;
        case 'mem_limit': hc.Memory = bytes(v); break;
        case 'pids_limit': hc.PidsLimit = Number(v); break;
        case 'cpus': hc.NanoCpus = Math.round(Number(v) * 1e9); break;
        case 'cpuset': hc.CpusetCpus = String(v); break;
        case 'ipc': hc.IpcMode = v; break;
        case 'cap_add': hc.CapAdd = v; break;
        case 'networks': nets = v as string[]; break;
        case 'ports': {
          hc.PortBindings = {};
          create.ExposedPorts = {};
          for (const p of v as string[]) {
            const [ip, host, port] = p.split(':');
            (hc.PortBindings as Record<string, unknown>)[`${port}/tcp`] = [{ HostIp: ip, HostPort: host }];
            (create.ExposedPorts as Record<string, unknown>)[`${port}/tcp`] = {};
          }
          break;
        }
        case 'network_mode':
        case 'pid': {
          const m = /^service:(.+)$/.exec(String(v));
          const value = m ? joined(m[1]) : v;
          if (m) plan.after = m[1];
          if (key === 'pid') hc.PidMode = value;
          else hc.NetworkMode = value;
          if (key === 'network_mode') nets = [];
          break;
        }
        default:
          throw new Error(`compose demo: service ${service} uses "${key}", which the demo does not create`);
      }
    }
    if (nets.length) {
      const full = nets.map((n) => `${project}_${n}`);
      hc.NetworkMode = full[0];
      create.NetworkingConfig = { EndpointsConfig: { [full[0]]: { Aliases: [service] } } };
      plan.connect = full.slice(1);
    }
    return plan;
  });
  return { networks, services };
}

/** The demo's compose file as the workspace holds it. */
export function demoComposePlan(file = COMPOSE_FILE): ComposePlan {
  return composePlan(fs.readFileSync(file, 'utf8'));
}
