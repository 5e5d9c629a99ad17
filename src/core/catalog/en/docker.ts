import type { Entry } from '../types';

/** The Docker pieces a person meets, and what each means for the kernel view. */
export const docker: Record<string, Entry> = {
  'docker.engine': {
    title: 'Docker Engine',
    summary: 'The daemon (dockerd) that builds images and runs containers through containerd and runc.',
    body: 'Clients talk to it over the API socket (`/var/run/docker.sock`). runc, not dockerd, creates the namespaces and cgroups; dockerd records what was asked for in each container\'s HostConfig. Access to the socket is effectively root on the host.',
  },
  'engine.podman': {
    title: 'Podman',
    summary: 'Podman\'s Docker-compatible service: each container runs under its own conmon, its cgroup is under libpod_parent, its bridge is netavark\'s; read into the same anatomy.',
    body: 'No shared daemon: each container\'s init is the child of its own `conmon`, and with the cgroupfs manager its cgroup is `/libpod_parent/libpod-<id>`, not `/docker/<id>`. netavark makes the networks: the default one is `podman` (`bridge` in the compat API) on bridge `podman0`, and a bridge exists only while a container is attached. The compat API names no bridge, so it is read from Podman\'s own network list. Every container\'s `eth0` is ifindex 2, so every host veth has iflink 2: the pair is matched from the container\'s side (its `eth0` iflink is the host veth\'s ifindex). The modes `bridge`, `private` and `shareable` mean a namespace of the container\'s own. A container in another\'s network namespace is listed with the other\'s network; here, as with Docker, it has no attachment of its own.',
  },
  'docker.registry': {
    title: 'Registry',
    summary: 'A server that stores and serves images, such as Docker Hub or a private registry.',
    body: '`docker pull` and `docker push` talk to it. A registry plays no part in running a container: once pulled, the image is local.',
  },
  'docker.image': {
    title: 'Image',
    summary: 'A read-only stack of filesystem layers plus default settings (command, user, environment, exposed ports).',
    body: 'The layers become the lower part of the container\'s overlay root filesystem. Settings such as `USER`, `EXPOSE` and `CMD` are defaults that `docker run` options can override. An image has no process, namespace or cgroup of its own.',
  },
  'docker.container': {
    title: 'Container',
    summary: 'One or more ordinary host processes, placed in namespaces and a cgroup, on a writable layer over an image.',
    body: 'To the kernel there is no "container" object: only processes whose namespaces differ from the host\'s and whose cgroup carries limits. That is why the host\'s `ps` shows container processes, with host PIDs.',
  },
  'docker.compose.project': {
    title: 'Compose project',
    summary: 'The containers Docker Compose created for one project: each carries the project\'s name in its com.docker.compose.project label.',
    body: 'A project is named by `-p`, by the top-level `name:` of its Compose file, or else after the file\'s folder. Each service becomes one or more containers (named `<project>-<service>-<n>` by Compose v2); the labels `com.docker.compose.service`, `com.docker.compose.project.working_dir` and `com.docker.compose.project.config_files` say which service, folder and files each came from. Compose turns each service\'s settings into the engine\'s: limits end up in cgroup files, `network_mode`/`pid`/`ipc` choose namespaces.',
  },
  'docker.compose': {
    title: 'Docker Compose',
    summary: 'A tool that creates a project\'s containers, networks and volumes from a YAML file.',
    body: 'Compose turns each service into `docker run`-like settings: resource limits go to HostConfig and end up in cgroup files, `network_mode`/`pid`/`ipc` choose namespaces. Containers carry `com.docker.compose.project` and `com.docker.compose.service` labels, which is how they are matched back to the file.',
  },
  'docker.context': {
    title: 'Docker context',
    summary: 'A named endpoint (local socket, SSH, TCP) that the CLI talks to.',
    body: '`docker context use` switches which engine receives commands. If the current context points at another machine, its containers\' PIDs, namespaces and cgroups are on that machine, and local `/proc` cannot show them.',
  },
  'docker.machine': {
    title: 'Docker Machine',
    summary: 'A retired tool that created VMs running Docker and pointed the CLI at them.',
    body: 'Its engines run on other machines, so their containers cannot be inspected through local `/proc`.',
  },
  'docker.swarm': {
    title: 'Swarm mode',
    summary: 'Docker\'s built-in orchestrator: services run as tasks, each a container on some node.',
    body: 'A task\'s container is an ordinary container on the node that runs it, with `deploy.resources` turned into cgroup limits there. Overlay networks connect tasks across nodes.',
  },
  'docker.desktop': {
    title: 'Docker Desktop',
    summary: 'Runs the engine inside a Linux VM, so this machine\'s /proc cannot see its containers.',
    body: 'PIDs, namespaces and cgroup paths belong to the VM\'s kernel. Configured limits, IPs and usage statistics still come from the API; namespace inodes, veth pairing, effective limits and NAT rules need a helper container that runs inside the VM.',
  },
};
