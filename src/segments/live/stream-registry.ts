import { streamMatcher } from '../operators/stream-match.js';
import { type StreamSpec, streamKey } from '../plan/plan.js';

interface Stream {
  readonly spec: StreamSpec;
  readonly matches: (properties: unknown) => boolean;
}

/**
 * The distinct event streams (type + property tests) the live segments read, each compiled once. Conditions
 * with equal specs share a stream, so each event is matched and stored once per stream, not per segment.
 */
export class StreamRegistry {
  private readonly byKey = new Map<string, number>();
  private readonly streams: Stream[] = [];
  private readonly byType = new Map<string, number[]>();

  /** The stream's number, registering it on first use. */
  intern(spec: StreamSpec): number {
    const key = streamKey(spec);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const k = this.streams.length;
    this.streams.push({ spec, matches: streamMatcher(spec) });
    this.byKey.set(key, k);
    const list = this.byType.get(spec.event);
    if (list) list.push(k);
    else this.byType.set(spec.event, [k]);
    return k;
  }

  get size(): number {
    return this.streams.length;
  }

  spec(k: number): StreamSpec {
    return this.streams[k]!.spec;
  }

  /** Streams of this event type whose property tests the properties pass. */
  match(type: string, properties: unknown, out: number[]): void {
    const ks = this.byType.get(type);
    if (!ks) return;
    for (let i = 0; i < ks.length; i++) if (this.streams[ks[i]!]!.matches(properties)) out.push(ks[i]!);
  }

  /** Whether any stream reads this event type (if not, an event of it only makes its customer known). */
  readsType(type: string): boolean {
    return this.byType.has(type);
  }
}
