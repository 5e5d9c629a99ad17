/**
 * Who is looking right now: the Containers view and open, visible panels. The engine's event
 * stream runs while anyone is; when nobody has been for a while it is paused.
 */
export class Demand {
  private readonly holders = new Set<object>();

  constructor(
    private readonly onWanted: () => void,
    private readonly onUnwanted: () => void,
  ) {}

  /** Declares whether `holder` (a view, a panel) is visible. */
  set(holder: object, visible: boolean): void {
    const before = this.holders.size;
    if (visible) this.holders.add(holder);
    else this.holders.delete(holder);
    if (before === 0 && this.holders.size > 0) this.onWanted();
    else if (before > 0 && this.holders.size === 0) this.onUnwanted();
  }

  get wanted(): boolean {
    return this.holders.size > 0;
  }
}
