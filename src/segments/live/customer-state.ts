import type { LiveCustomer } from '../operators/operator.js';
import type { ProfileTable } from './profile-table.js';

/** One customer in the live engine: the sorted times of their events per stream, and a view of their profile. */
export class CustomerState implements LiveCustomer {
  private streams: (number[] | undefined)[] | undefined;

  constructor(
    readonly idx: number,
    readonly id: string,
    private readonly profiles: ProfileTable,
  ) {}

  stream(k: number): number[] | undefined {
    return this.streams?.[k];
  }

  /** The stream's list, created on first use. */
  streamForWrite(k: number): number[] {
    this.streams ??= [];
    let list = this.streams[k];
    if (!list) {
      list = [];
      this.streams[k] = list;
    }
    return list;
  }

  field(slot: number): unknown {
    return this.profiles.value(slot, this.idx);
  }
}
