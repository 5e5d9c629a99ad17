// The demo containers of `npm start -- --demo` and of the README screenshots: labelled,
// with interesting settings (limits, a shared net and pid namespace, pid: host, no network,
// two networks), from the locally imported busybox image.
import { createContainer, ensureImage, ensureNetwork, removeLabelled, removeNetworkIfUnused } from './containers';

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

export async function removeDemo(): Promise<void> {
  const n = await removeLabelled('container-anatomy.demo', '1');
  await removeNetworkIfUnused(DEMO_NETWORK);
  console.log(`removed ${n} demo containers and the ${DEMO_NETWORK} network`);
}

