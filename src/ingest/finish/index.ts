import { assertNever } from '../../core/assert-never.js';
import type { EntityName } from '../entities/entity.js';
import { customersFinisher } from './customers.js';
import type { RowFinisher } from './finisher.js';
import { generatedIdFinisher } from './generated-id.js';
import { ordersFinisher } from './orders.js';

export interface Finisher {
  readonly fn: RowFinisher;
  /** Columns the finisher may write besides the mapped fields. */
  readonly produces: readonly string[];
}

const none: Finisher = { fn: () => null, produces: [] };

/** The row finisher of an entity, fresh per import (finishers count occurrences within one file). */
export function finisherFor(entity: EntityName, defaultCountry: string): Finisher {
  switch (entity) {
    case 'customers':
      return { fn: customersFinisher(defaultCountry), produces: [] };
    case 'orders':
      return {
        fn: ordersFinisher(),
        produces: ['order_id', 'line_no', 'quantity', 'unit_price', 'amount', 'cost', 'margin', 'status'],
      };
    case 'events':
      return {
        fn: generatedIdFinisher('event_id', ['customer_id', 'occurred_at', 'type', 'properties'], 'ev_'),
        produces: ['event_id'],
      };
    case 'messages':
      return {
        fn: generatedIdFinisher('message_id', ['customer_id', 'sent_at', 'channel', 'text'], 'msg_'),
        produces: ['message_id'],
      };
    case 'products':
    case 'campaigns':
    case 'campaign_responses':
      return none;
    default:
      return assertNever(entity, 'entity');
  }
}
