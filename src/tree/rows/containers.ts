import { formatTime } from '../../core/format';
import { hasProcess, isFact, isUnavailable, type ContainerAnatomy, type ContainerState, type EngineKind, type Snapshot } from '../../core/model';
import { ipWithPrefix, modeTopic, networkModeLabel } from './network';
import { stateText } from './state';
import { tooltip, type Row, type RowIcon, type RowOptions, type Translate } from './types';
import { compareNames } from '../../core/order';

/** Compose label Docker Compose puts on every container it creates. */
export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';
/** Labels Compose puts on each container: its project's Compose files (comma-separated), and the folder they were run from. */
export const COMPOSE_CONFIG_FILES_LABEL = 'com.docker.compose.project.config_files';
export const COMPOSE_WORKING_DIR_LABEL = 'com.docker.compose.project.working_dir';

export function isStopped(c: ContainerAnatomy): boolean {
  return !hasProcess(c.state);
}

function stateRank(c: ContainerAnatomy): number {
  if (c.state === 'running') return 0;
  return isStopped(c) ? 2 : 1;
}

/** Running first, then paused/restarting, then stopped; by name within each. */
export function sortContainers(list: ContainerAnatomy[]): ContainerAnatomy[] {
  return [...list].sort((a, b) => stateRank(a) - stateRank(b) || compareNames(a.name, b.name) || compareNames(a.id, b.id));
}

export function visibleContainers(snapshot: Snapshot, opts: Pick<RowOptions, 'showStopped'>): ContainerAnatomy[] {
  return sortContainers(snapshot.containers.filter((c) => opts.showStopped || !isStopped(c)));
}

export function composeProject(c: ContainerAnatomy): string | undefined {
  return c.compose?.project || c.labels[COMPOSE_PROJECT_LABEL] || undefined;
}

export function stateIcon(state: ContainerState): RowIcon {
  switch (state) {
    case 'running': return { id: 'vm-running', color: 'charts.green' };
    case 'paused': return { id: 'debug-pause', color: 'charts.yellow' };
    case 'restarting': return { id: 'sync', color: 'charts.yellow' };
    case 'removing': return { id: 'trash', color: 'disabledForeground' };
    case 'created': return { id: 'vm-outline', color: 'disabledForeground' };
    case 'exited': return { id: 'vm-outline', color: 'disabledForeground' };
    case 'dead': return { id: 'error', color: 'charts.red' };
  }
}

/** The top level: compose projects (when grouping) and containers without a project. */
export function rootRows(snapshot: Snapshot, opts: RowOptions): Row[] {
  const list = visibleContainers(snapshot, opts);
  const kind = snapshot.host.engine.kind;
  if (!opts.groupByCompose) return list.map((c) => containerRow(c, opts.t, kind));
  const groups = new Map<string, ContainerAnatomy[]>();
  const loose: ContainerAnatomy[] = [];
  for (const c of list) {
    const p = composeProject(c);
    if (p === undefined) loose.push(c);
    else groups.set(p, [...(groups.get(p) ?? []), c]);
  }
  const groupRows = [...groups.keys()].sort(compareNames).map((p) => groupRow(p, groups.get(p) ?? [], opts.t));
  return [...groupRows, ...loose.map((c) => containerRow(c, opts.t, kind))];
}

export function groupRow(project: string, members: ContainerAnatomy[], t: Translate): Row {
  const running = members.filter((c) => c.state === 'running').length;
  return {
    id: `compose:${project}`,
    kind: 'group',
    label: project,
    description: t('{0} of {1} running', running, members.length),
    contextValue: 'composeProject',
    icon: { id: 'layers' },
    children: { kind: 'group', project },
    tooltip: tooltip(project, [{ topic: 'docker.compose.project' }], projectFacts(project, members, t)),
  };
}

/**
 * What the containers' Compose labels say of their project: its services, and the folder and
 * files it was started from (the same on every member unless two checkouts share a name).
 */
function projectFacts(project: string, members: ContainerAnatomy[], t: Translate): { label: string; value: string }[] {
  const distinct = (key: string): string[] => [...new Set(members.map((c) => c.labels[key]).filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
  const services = distinct(COMPOSE_SERVICE_LABEL);
  const facts = [{ label: t('Compose project'), value: project }];
  if (services.length) facts.push({ label: t('Services'), value: services.join(', ') });
  const folders = distinct(COMPOSE_WORKING_DIR_LABEL);
  if (folders.length) facts.push({ label: t('Started from'), value: folders.join(', ') });
  const files = distinct(COMPOSE_CONFIG_FILES_LABEL);
  if (files.length) facts.push({ label: t('Compose files'), value: files.join(', ') });
  return facts;
}

export function groupChildren(snapshot: Snapshot, project: string, opts: RowOptions): Row[] {
  return visibleContainers(snapshot, opts)
    .filter((c) => composeProject(c) === project)
    .map((c) => containerRow(c, opts.t, snapshot.host.engine.kind));
}

export { stateText };

/** The host PID; a running container has one even while it is not read (yet). */
function pidText(c: ContainerAnatomy, t: Translate): string {
  if (isFact(c.pid)) return String(c.pid.value);
  if (!hasProcess(c.state)) return t('none');
  return c.reading ? t('reading…') : t('unavailable');
}

/** `engine`: which engine runs it; a Podman container's tooltip also explains what Podman does differently. */
export function containerRow(c: ContainerAnatomy, t: Translate, engine?: EngineKind): Row {
  const facts: Row['tooltip']['facts'] = [
    { label: t('ID'), value: c.id },
    { label: t('Image'), value: c.image },
    { label: t('State'), value: c.status && c.status !== c.state ? `${stateText(c.state, t)} (${c.status})` : stateText(c.state, t) },
    { label: t('PID on the host'), value: pidText(c, t) },
  ];
  if (c.compose) facts.push({ label: t('Compose service'), value: `${c.compose.project} / ${c.compose.service}` });
  const nets = c.networks.map((n) => {
    const ip = ipWithPrefix(n);
    return ip ? `${n.name} ${ip}` : n.name;
  });
  facts.push({ label: t('Networks'), value: nets.length ? nets.join(', ') : networkModeLabel(c, t) });
  if (c.exit && isStopped(c)) {
    facts.push({ label: t('Exit code'), value: c.exit.oomKilled ? t('{0} (killed by the OOM killer)', c.exit.code) : String(c.exit.code) });
    if (Date.parse(c.exit.finishedAt) > 0) facts.push({ label: t('Exited at'), value: formatTime(c.exit.finishedAt, t) });
  }
  facts.push({ label: t('Read at'), value: c.readAt ? formatTime(c.readAt, t) : c.reading ? t('reading…') : t('never') });
  const notes = c.readFailure ? [c.readFailure] : isUnavailable(c.pid) && c.state === 'running' ? [c.pid.unavailable] : [];
  return {
    id: `c:${c.id}`,
    kind: 'container',
    label: c.name,
    description: `${c.image} · ${stateText(c.state, t)}${c.readFailure ? ` · ${t('could not be read')}` : c.reading ? ` · ${t('reading…')}` : ''}`,
    contextValue: `container.${c.state}`,
    icon: c.readFailure ? { id: 'warning', color: 'charts.yellow' } : stateIcon(c.state),
    children: { kind: 'container' },
    containerId: c.id,
    value: c.id,
    // A container with no process is explained as that: "ordinary host processes" and a host PID are what it gets when it starts.
    tooltip: tooltip(c.name, [...(hasProcess(c.state) ? [{ topic: 'docker.container' }, { topic: 'process.pid' }] : [{ topic: 'ui.notRunning' }]), ...(engine === 'podman' ? [{ topic: 'engine.podman' }] : [])], facts, notes),
  };
}

/** Why the latest read of `c` failed, as the first row under it; undefined when it did not. */
function failureRow(c: ContainerAnatomy, t: Translate): Row | undefined {
  if (!c.readFailure) return undefined;
  const label = c.readAt === null ? t('Could not be read') : t('Latest read failed; showing the read of {0}', formatTime(c.readAt, t));
  return {
    id: `c:${c.id}/failure`,
    kind: 'message',
    label,
    contextValue: 'message',
    icon: { id: 'warning', color: 'charts.yellow' },
    containerId: c.id,
    tooltip: tooltip(label, [], [], [c.readFailure]),
  };
}

/** The one row under a container that is listed and still being read (its details follow). */
function readingRow(c: ContainerAnatomy, t: Translate): Row {
  const label = t('Reading…');
  return {
    id: `c:${c.id}/reading`,
    kind: 'message',
    label,
    contextValue: 'message',
    icon: { id: 'loading~spin' },
    containerId: c.id,
    tooltip: tooltip(label, [], [], [t('Listed by the engine; its namespaces, limits and network are being read.')]),
  };
}

export function sectionRows(c: ContainerAnatomy, t: Translate): Row[] {
  if (c.reading) return [readingRow(c, t)];
  const failure = failureRow(c, t);
  // Never read: every fact is unavailable for the same reason, said once.
  if (failure && c.readAt === null) return [failure];
  return [...(failure ? [failure] : []), ...sections(c, t)];
}

function sections(c: ContainerAnatomy, t: Translate): Row[] {
  const base = { kind: 'section' as const, containerId: c.id };
  return [
    {
      ...base,
      id: `c:${c.id}/namespaces`,
      label: t('Namespaces'),
      contextValue: 'section.namespaces',
      icon: { id: 'symbol-namespace' },
      children: { kind: 'section', section: 'namespaces' },
      tooltip: tooltip(t('Namespaces'), [{ topic: 'ui.namespaces' }]),
    },
    {
      ...base,
      id: `c:${c.id}/limits`,
      label: t('cgroup limits'),
      contextValue: 'section.limits',
      icon: { id: 'dashboard' },
      children: { kind: 'section', section: 'limits' },
      tooltip: tooltip(t('cgroup limits'), [{ topic: 'cgroup.effective' }, { topic: 'cgroup.declared' }, { topic: 'cgroup.kernel' }]),
    },
    {
      ...base,
      id: `c:${c.id}/network`,
      label: t('Network'),
      description: networkModeLabel(c, t),
      contextValue: 'section.network',
      icon: { id: 'type-hierarchy' },
      children: { kind: 'section', section: 'network' },
      tooltip: tooltip(t('Network'), [modeTopic(c, `net.mode.${c.network.mode}`)]),
    },
  ];
}
