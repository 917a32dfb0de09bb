import type { Warehouse } from '../../warehouse/warehouse.js';
import type { LoggedChange } from '../store/membership-log.js';

/**
 * Something that acts on membership changes (webhooks). `persist` runs inside the transaction that writes the
 * changes to the log, so what it records (an outbox row) lands with them or not at all; `committed` runs after.
 */
export interface ChangeSink {
  persist(wh: Warehouse, changes: readonly LoggedChange[]): Promise<void>;
  committed?(changes: readonly LoggedChange[]): void;
}
