// The demo containers of `npm start -- --demo` and of the README screenshots: labelled,
// with interesting settings (limits, a shared net and pid namespace, pid: host, no network,
// two networks), from the locally imported busybox image; and the compose project that
// demo-workspace/compose.yaml describes.
import * as path from 'node:path';
import { COMPOSE_PROJECT, demoComposePlan, type ServicePlan } from './compose-demo';
import type Docker from 'dockerode';
import { createContainer, docker, ensureImage, ensureNetwork, removeLabelled, removeNetworkIfUnused } from './containers';

const DEMO_LABEL = { 'container-anatomy.demo': '1' };
const DEMO_NETWORK = 'anatomy-demo';

export async function startDemoContainers(): Promise<void> {
  const image = await ensureImage();
  console.log(`demo image: ${image}`);
  await removeLabelled('container-anatomy.demo', '1');
  await ensureNetwork(DEMO_NETWORK, DEMO_LABEL);
  const web = await createContainer({
    name: 'anatomy-demo-web', networks: [DEMO_NETWORK], exposedPorts: ['8080/tcp'],
    hostConfig: {
      Memory: 128 * 1024 * 1024, NanoCpus: 500_000_000, PidsLimit: 100,
      PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
    },
  }, DEMO_LABEL);
  await createContainer({
    name: 'anatomy-demo-sidecar',
    hostConfig: { NetworkMode: `container:${web.Id}`, PidMode: `container:${web.Id}`, Memory: 32 * 1024 * 1024 },
  }, DEMO_LABEL);
  await createContainer({ name: 'anatomy-demo-hostpid', hostConfig: { PidMode: 'host', CpusetCpus: '0' } }, DEMO_LABEL);
  await createContainer({ name: 'anatomy-demo-isolated', hostConfig: { NetworkMode: 'none', IpcMode: 'private' } }, DEMO_LABEL);
  await createContainer({ name: 'anatomy-demo-stopped', start: false }, DEMO_LABEL);
  console.log('demo containers: anatomy-demo-web (bridge + anatomy-demo, limits), anatomy-demo-sidecar (shares web\'s net and pid),');
  console.log('                 anatomy-demo-hostpid (pid: host), anatomy-demo-isolated (network none), anatomy-demo-stopped');
}

/**
 * Copies nothing: `workspace` (a folder named COMPOSE_PROJECT) already holds demo-workspace's
 * compose.yaml. Creates and starts what that file describes, as `docker compose up` would:
 * containers <project>-<service>-1 on the project's networks, with Compose's labels.
 * Expects the demo's earlier containers to be gone (startDemoContainers removes them).
 */
export async function startComposeDemo(workspace: string): Promise<void> {
  if (path.basename(workspace) !== COMPOSE_PROJECT) throw new Error(`the compose demo's folder must be named ${COMPOSE_PROJECT}`);
  await ensureImage();
  const configFile = path.join(workspace, 'compose.yaml');
  const plan = demoComposePlan(configFile);
  const projectLabels = { 'com.docker.compose.project': COMPOSE_PROJECT };
  for (const n of plan.networks) {
    await removeNetworkIfUnused(n.name);
    await docker.createNetwork({
      Name: n.name, Driver: 'bridge', Internal: n.internal,
      Labels: { ...DEMO_LABEL, ...projectLabels, 'com.docker.compose.network': n.key },
    });
  }
  const ids = new Map<string, string>();
  const byName = new Map(plan.services.map((s) => [s.service, s]));
  const up = async (s: ServicePlan): Promise<void> => {
    if (ids.has(s.service)) return;
    if (s.after) await up(byName.get(s.after) as ServicePlan);
    // service:X becomes container:<X's id>, as Compose does.
    const fill = (v: unknown): string | undefined => (typeof v === 'string' ? v.replace(/\{([^}]+)\}/, (_m, x: string) => ids.get(x) ?? x) : undefined);
    const hostConfig = { ...s.create.HostConfig, NetworkMode: fill(s.create.HostConfig.NetworkMode), PidMode: fill(s.create.HostConfig.PidMode) };
    const c: Docker.Container = await docker.createContainer({
      ...s.create, HostConfig: hostConfig,
      name: `${COMPOSE_PROJECT}-${s.service}-1`,
      Labels: {
        ...DEMO_LABEL, ...projectLabels,
        'com.docker.compose.service': s.service,
        'com.docker.compose.project.working_dir': workspace,
        'com.docker.compose.project.config_files': configFile,
        'com.docker.compose.container-number': '1',
        'com.docker.compose.oneoff': 'False',
      },
    } as Docker.ContainerCreateOptions);
    for (const net of s.connect) await docker.getNetwork(net).connect({ Container: c.id, EndpointConfig: { Aliases: [s.service] } });
    await c.start();
    ids.set(s.service, c.id);
  };
  for (const s of plan.services) await up(s);
  console.log(`compose demo: project ${COMPOSE_PROJECT} (${plan.services.map((s) => s.service).join(', ')}) from ${configFile}`);
}

export async function removeDemo(): Promise<void> {
  const n = await removeLabelled('container-anatomy.demo', '1');
  for (const name of [DEMO_NETWORK, ...demoComposePlan().networks.map((n) => n.name)]) await removeNetworkIfUnused(name);
  console.log(`removed ${n} demo containers and their networks`);
}

export { COMPOSE_PROJECT };
