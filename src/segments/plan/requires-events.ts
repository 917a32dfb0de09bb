import { assertNever } from '../../core/assert-never.js';
import { leafWithoutEvents } from '../operators/registry.js';
import type { PlanNode, SegmentPlan } from './plan.js';

/**
 * True when no customer without matching events can be in the segment: the rule is false when every event
 * condition sees nothing, whatever the customer's profile (three-valued: profile conditions are unknown). Then
 * the batch query starts from customers with events instead of every customer.
 */
export function requiresEvents(plan: SegmentPlan): boolean {
  const value = (n: PlanNode): boolean | null => {
    switch (n.kind) {
      case 'leaf':
        return leafWithoutEvents(plan.leaves[n.leaf]!);
      case 'not': {
        const v = value(n.child);
        return v === null ? null : !v;
      }
      case 'and': {
        let unknown = false;
        for (const c of n.children) {
          const v = value(c);
          if (v === false) return false;
          if (v === null) unknown = true;
        }
        return unknown ? null : true;
      }
      case 'or': {
        let unknown = false;
        for (const c of n.children) {
          const v = value(c);
          if (v === true) return true;
          if (v === null) unknown = true;
        }
        return unknown ? null : false;
      }
      default:
        return assertNever(n, 'plan node');
    }
  };
  return value(plan.root) === false;
}
