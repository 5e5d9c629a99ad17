import type { ContainerAnatomy } from '../core/model';

/** A container by full id, name, or an id prefix of at least 12 characters. */
export function findContainer(containers: readonly ContainerAnatomy[], idOrName: string): ContainerAnatomy | undefined {
  return (
    containers.find((c) => c.id === idOrName) ??
    containers.find((c) => c.name === idOrName || c.name === idOrName.replace(/^\//, '')) ??
    (idOrName.length >= 12 ? containers.find((c) => c.id.startsWith(idOrName)) : undefined)
  );
}
