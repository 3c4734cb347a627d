/**
 * The canonical tables of the data path (version 1, data-path.md): which columns each
 * has, of which type, which are required. The SQL loaders and the in-memory readers
 * check rows against the same specs. Pure and DOM-free.
 */

/**
 * A canonical table (data-path.md, version 1): its columns by type, the required ones, and the key that finds a row in
 * a file.
 */
export interface TableSpec {
  name: 'orders' | 'events' | 'frictions';
  /** The column that, with the bad value, finds the row again in a CSV file. */
  key: string;
  required: readonly string[];
  text: readonly string[];
  timestamps: readonly string[];
  numbers: readonly { column: string; integer?: boolean }[];
  /** Text columns with a closed set of values. */
  enums?: Readonly<Record<string, readonly string[]>>;
}

/** The text columns of canonical orders: the only ones a recipe may name besides the timestamps. */
export const ORDER_TEXT_COLUMNS = [
  'order_id',
  'customer_id',
  'status',
  'region_id',
  'region_label',
  'region_group',
  'channel',
  'currency',
  'store_id',
] as const;
/** The timestamp columns of canonical orders, in the order an order's life goes. */
export const ORDER_TIMESTAMP_COLUMNS = [
  'ordered_at',
  'approved_at',
  'shipped_at',
  'delivered_at',
  'promised_at',
  'reviewed_at',
] as const;
export type TimestampColumn = (typeof ORDER_TIMESTAMP_COLUMNS)[number];
/** Every canonical order column, in the order files are written. */
export const ORDER_COLUMNS = [
  'order_id',
  'customer_id',
  ...ORDER_TIMESTAMP_COLUMNS,
  'review_score',
  'status',
  'region_id',
  'region_label',
  'region_group',
  'channel',
  'currency',
  'amount',
  'store_id',
] as const;
/**
 * The statuses of orders that do not qualify: they count in no revenue, cohort, channel or forecast
 * (every order qualifies when it has no status): the recipes' `qualifying` condition (plan.ts) is made
 * from this list, and `isQualifying` runs that condition on one order.
 */
export const NOT_QUALIFYING_STATUSES = ['canceled', 'cancelled', 'unavailable'] as const;

export const TABLES: Record<TableSpec['name'], TableSpec> = {
  orders: {
    name: 'orders',
    key: 'order_id',
    required: ['order_id', 'customer_id', 'ordered_at'],
    text: ORDER_TEXT_COLUMNS,
    timestamps: ORDER_TIMESTAMP_COLUMNS,
    numbers: [{ column: 'amount' }, { column: 'review_score', integer: true }],
  },
  events: {
    name: 'events',
    key: 'actor_id',
    required: ['actor_id', 'event_name', 'event_ts'],
    text: ['actor_id', 'event_name', 'session_id', 'device', 'channel', 'region_id', 'store_id'],
    timestamps: ['event_ts'],
    numbers: [{ column: 'value' }],
  },
  frictions: {
    name: 'frictions',
    key: 'actor_id',
    required: ['actor_id', 'event_ts', 'step', 'cause_id', 'category'],
    text: ['actor_id', 'step', 'cause_id', 'category', 'cause_label', 'store_id'],
    timestamps: ['event_ts'],
    numbers: [],
    enums: { category: ['price', 'payment', 'form', 'account', 'delivery', 'trust', 'technical', 'other'] },
  },
};

export const FRICTION_CATEGORY_VALUES = TABLES.frictions.enums!['category']!;
