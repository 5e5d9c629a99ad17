// The demo containers of `npm start -- --demo` and of the README screenshots: labelled,
// with interesting settings (limits, a shared net and pid namespace, pid: host, no network,
// two networks), from the locally imported busybox image; and a small compose project.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createContainer, docker, ensureImage, ensureNetwork, IMAGE, removeLabelled, removeNetworkIfUnused } from './containers';

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

/** The folder name is the project name, as Compose derives it; the compose hovers do the same. */
export const COMPOSE_PROJECT = 'anatomy-demo-app';
const COMPOSE_NETWORKS = {
  front: `${COMPOSE_PROJECT}_front`, back: `${COMPOSE_PROJECT}_back`, default: `${COMPOSE_PROJECT}_default`,
};

/** The compose file the demo's containers correspond to, key for key. */
const COMPOSE_FILE = `# Written by \`npm start -- --demo\`: the containers of this project were created through the
# Engine API with the labels Compose sets (com.docker.compose.project, .service,
# .project.working_dir, .project.config_files), and are removed when it stops.
# Hover the keys: a running service's hover adds what its kernel says.
services:
  web:
    image: ${IMAGE}
    command: ["sleep", "86400"]
    user: "1000:1000"
    mem_limit: 64m
    pids_limit: 50
    cpus: 0.5
    ports:
      - "127.0.0.1::8080"
    networks: [front, back]

  sidecar:
    image: ${IMAGE}
    command: ["sleep", "86400"]
    network_mode: "service:web"
    pid: "service:web"
    mem_limit: 32m

  monitor:
    image: ${IMAGE}
    command: ["sleep", "86400"]
    pid: host
    ipc: private
    cap_add: [SYS_PTRACE]
    cpuset: "0"

networks:
  front: {}
  back:
    internal: true
`;

/**
 * Writes compose.yaml into `workspace` (a folder named COMPOSE_PROJECT) and creates and starts
 * its three services as `docker compose up` would: containers <project>-<service>-1 on the
 * project's networks (`default` for a service that names none), with Compose's labels.
 * Expects the demo's earlier containers to be gone (startDemoContainers removes them).
 */
export async function startComposeDemo(workspace: string): Promise<void> {
  if (path.basename(workspace) !== COMPOSE_PROJECT) throw new Error(`the compose demo's folder must be named ${COMPOSE_PROJECT}`);
  await ensureImage();
  const configFile = path.join(workspace, 'compose.yaml');
  fs.writeFileSync(configFile, COMPOSE_FILE);
  const projectLabels = { 'com.docker.compose.project': COMPOSE_PROJECT };
  for (const [key, name] of Object.entries(COMPOSE_NETWORKS)) {
    await removeNetworkIfUnused(name);
    await docker.createNetwork({
      Name: name, Driver: 'bridge', Internal: key === 'back',
      Labels: { ...DEMO_LABEL, ...projectLabels, 'com.docker.compose.network': key },
    });
  }
  const service = (name: string, hostConfig: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    docker.createContainer({
      name: `${COMPOSE_PROJECT}-${name}-1`, Image: IMAGE, Cmd: ['sleep', '86400'],
      Labels: {
        ...DEMO_LABEL, ...projectLabels,
        'com.docker.compose.service': name,
        'com.docker.compose.project.working_dir': workspace,
        'com.docker.compose.project.config_files': configFile,
        'com.docker.compose.container-number': '1',
        'com.docker.compose.oneoff': 'False',
      },
      HostConfig: hostConfig, ...more,
    });
  const web = await service('web', {
    NetworkMode: COMPOSE_NETWORKS.front, Memory: 64 * 1024 * 1024, PidsLimit: 50, NanoCpus: 500_000_000,
    PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
  }, {
    User: '1000:1000', ExposedPorts: { '8080/tcp': {} },
    NetworkingConfig: { EndpointsConfig: { [COMPOSE_NETWORKS.front]: { Aliases: ['web'] } } },
  });
  await docker.getNetwork(COMPOSE_NETWORKS.back).connect({ Container: web.id, EndpointConfig: { Aliases: ['web'] } });
  await web.start();
  const sidecar = await service('sidecar', {
    NetworkMode: `container:${web.id}`, PidMode: `container:${web.id}`, Memory: 32 * 1024 * 1024,
  });
  await sidecar.start();
  const monitor = await service('monitor', {
    NetworkMode: COMPOSE_NETWORKS.default, PidMode: 'host', IpcMode: 'private', CapAdd: ['SYS_PTRACE'], CpusetCpus: '0',
  }, { NetworkingConfig: { EndpointsConfig: { [COMPOSE_NETWORKS.default]: { Aliases: ['monitor'] } } } });
  await monitor.start();
  console.log(`compose demo: project ${COMPOSE_PROJECT} (web, sidecar, monitor) from ${configFile}`);
}

export async function removeDemo(): Promise<void> {
  const n = await removeLabelled('container-anatomy.demo', '1');
  for (const name of [DEMO_NETWORK, ...Object.values(COMPOSE_NETWORKS)]) await removeNetworkIfUnused(name);
  console.log(`removed ${n} demo containers and their networks`);
}

