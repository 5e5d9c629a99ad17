/**
 * The demo's compose.yaml is what the demo runs: the containers `npm start -- --demo` creates
 * come from the file, key by key, so a hover's live value never contradicts the line under it.
 */
import { strict as assert } from 'node:assert';
import { composePlan, demoComposePlan, joined } from '../host/compose-demo';

describe('the compose demo runs what its compose.yaml says', () => {
  const plan = demoComposePlan();
  const svc = (name: string) => {
    const s = plan.services.find((x) => x.service === name);
    assert.ok(s, `service ${name}`);
    return s;
  };

  it('creates each service with the file\'s command, limits and namespaces', () => {
    for (const s of plan.services) assert.deepEqual(s.create.Cmd, ['sleep', '86400'], s.service);
    const web = svc('web');
    assert.equal(web.create.User, '1000:1000');
    assert.deepEqual([web.create.HostConfig.Memory, web.create.HostConfig.PidsLimit, web.create.HostConfig.NanoCpus], [64 * 1024 ** 2, 50, 500_000_000]);
    assert.deepEqual(web.create.HostConfig.PortBindings, { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
    assert.equal(web.create.HostConfig.NetworkMode, 'anatomy-demo-app_front');
    assert.deepEqual(web.connect, ['anatomy-demo-app_back']);
    const sidecar = svc('sidecar');
    assert.equal(sidecar.create.HostConfig.Memory, 32 * 1024 ** 2);
    assert.equal(sidecar.create.HostConfig.NetworkMode, joined('web'));
    assert.equal(sidecar.create.HostConfig.PidMode, joined('web'));
    assert.equal(sidecar.after, 'web');
    const monitor = svc('monitor');
    assert.deepEqual([monitor.create.HostConfig.PidMode, monitor.create.HostConfig.IpcMode, monitor.create.HostConfig.CpusetCpus], ['host', 'private', '0']);
    assert.deepEqual(monitor.create.HostConfig.CapAdd, ['SYS_PTRACE']);
    assert.equal(monitor.create.HostConfig.NetworkMode, 'anatomy-demo-app_default');
    assert.deepEqual(plan.networks.map((n) => [n.name, n.internal]), [['anatomy-demo-app_front', false], ['anatomy-demo-app_back', true], ['anatomy-demo-app_default', false]]);
  });

  it('refuses a key the demo would not create, so the file cannot claim more than runs', () => {
    assert.throws(() => composePlan('services:\n  x:\n    image: busybox\n    mem_reservation: 16m\n'), /uses "mem_reservation"/);
  });
});
