import { invalidInput } from '../../core/errors.js';
import { customersEntity } from './customers.js';
import type { EntityName, EntitySpec } from './entity.js';
import { ordersEntity } from './orders.js';
import {
  campaignResponsesEntity,
  campaignsEntity,
  eventsEntity,
  messagesEntity,
  productsEntity,
} from './others.js';

export type { EntityName, EntitySpec } from './entity.js';
export { type FieldSpec, type FieldType, normaliseHeader } from './field.js';

export const ENTITIES: Readonly<Record<EntityName, EntitySpec>> = {
  customers: customersEntity,
  orders: ordersEntity,
  products: productsEntity,
  events: eventsEntity,
  messages: messagesEntity,
  campaigns: campaignsEntity,
  campaign_responses: campaignResponsesEntity,
};

const SYNONYMS: Record<string, EntityName> = {
  customer: 'customers',
  clientes: 'customers',
  order: 'orders',
  order_lines: 'orders',
  lines: 'orders',
  pedidos: 'orders',
  ventas: 'orders',
  product: 'products',
  productos: 'products',
  event: 'events',
  eventos: 'events',
  message: 'messages',
  mensajes: 'messages',
  campaign: 'campaigns',
  responses: 'campaign_responses',
  campaign_response: 'campaign_responses',
};

/** Resolve the entity a user named, with the list of valid names when it is unknown. */
export function entityByName(name: string): EntitySpec {
  const key = name.toLowerCase().replace(/-/g, '_');
  const entity = ENTITIES[key as EntityName] ?? ENTITIES[SYNONYMS[key] as EntityName];
  if (!entity) {
    throw invalidInput(`unknown entity: ${name}`, `use one of: ${Object.keys(ENTITIES).join(', ')}`);
  }
  return entity;
}
