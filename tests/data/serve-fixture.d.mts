import type { OrderRow } from '../../src/data/orders.js';
import type { EventRow, FrictionRow } from '../../src/data/events.js';

export const STORE_B_REGIONS: string[];
export const CHANNELS: string[];
export const EVENT_STEPS: string[];
export function tenantOrders(orders: readonly OrderRow[]): OrderRow[];
export function tenantEvents(actors?: number): { events: EventRow[]; frictions: FrictionRow[] };
export function tenantRows(
  kit: { olistOrders(files: Record<'orders' | 'customers' | 'payments' | 'reviews', string>): OrderRow[] },
  root: string,
): { orders: OrderRow[]; events: EventRow[]; frictions: FrictionRow[] };
type Filters = Partial<Record<'region' | 'channel' | 'store', readonly string[]>>;
export function where<T>(rows: readonly T[], filters: Filters): T[];
export function frictionsWhere(
  frictions: readonly FrictionRow[],
  events: readonly EventRow[],
  filters: Filters,
): FrictionRow[];
export function pgColumns(spec: import('../../src/data/tables.js').TableSpec): string;
