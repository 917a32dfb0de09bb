import { assertNever } from '../../core/assert-never.js';
import type { EntityName } from '../entities/entity.js';
import { customersFinisher } from './customers.js';
import type { RowFinisher } from './finisher.js';
import { generatedIdFinisher } from './generated-id.js';
import { ordersFinisher } from './orders.js';

const none: RowFinisher = () => null;

/** The row finisher of an entity, fresh per import (finishers count occurrences within one file). */
export function finisherFor(entity: EntityName, defaultCountry: string): RowFinisher {
  switch (entity) {
    case 'customers':
      return customersFinisher(defaultCountry);
    case 'orders':
      return ordersFinisher();
    case 'events':
      return generatedIdFinisher('event_id', ['customer_id', 'occurred_at', 'type', 'properties'], 'ev_');
    case 'messages':
      return generatedIdFinisher('message_id', ['customer_id', 'sent_at', 'channel', 'text'], 'msg_');
    case 'products':
    case 'campaigns':
    case 'campaign_responses':
      return none;
    default:
      return assertNever(entity, 'entity');
  }
}
