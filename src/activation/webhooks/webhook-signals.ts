import type { Warehouse } from '../../warehouse/warehouse.js';

interface Signals {
  /** Bumped whenever a webhook is added or deactivated: outboxes re-read the list when it moved. */
  generation: number;
  /** Dispatchers to nudge when deliveries are put back in the queue. */
  readonly listeners: Set<() => void>;
}

const byWarehouse = new WeakMap<Warehouse, Signals>();

function signals(wh: Warehouse): Signals {
  let s = byWarehouse.get(wh);
  if (!s) {
    s = { generation: 0, listeners: new Set() };
    byWarehouse.set(wh, s);
  }
  return s;
}

/**
 * In-process signals between the webhook API (routes, CLI) and the running outbox and dispatcher, which share
 * the warehouse object: a webhook registered through the API is used by the next commit, and re-driven
 * deliveries are sent at once, without `segmenta serve` wiring anything.
 */
export const webhooksGeneration = (wh: Warehouse): number => signals(wh).generation;

export function webhooksChanged(wh: Warehouse): void {
  signals(wh).generation++;
}

/** Be told when deliveries become due (re-drive); returns the unsubscribe function. */
export function onDeliveriesDue(wh: Warehouse, listener: () => void): () => void {
  const s = signals(wh);
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

export function deliveriesDue(wh: Warehouse): void {
  for (const l of signals(wh).listeners) l();
}
