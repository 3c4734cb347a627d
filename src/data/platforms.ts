/**
 * The platform presets of `kpi-kit import <platform>`, one entry each: what the command line says
 * about it and how it reads the export's bytes. The CLI names no platform; a new preset is its
 * own file plus an entry here.
 */
import { decodeText } from './import-csv.js';
import { nuvemshopOrders } from './nuvemshop.js';
import type { OrderRow } from './orders.js';
import { shopifyOrders } from './shopify.js';
import { vtexOrders } from './vtex.js';
import { woocommerceOrders } from './woocommerce.js';

/** A platform's order export, as `kpi-kit import <platform>` reads it. */
export interface PlatformImport {
  /** The file it reads, for the usage line (`<orders_export.csv>`). */
  file: string;
  /** What it does, for `--help` (one or two lines of about 100 characters). */
  help: string;
  /** How rows become orders, said after the count ("one per Name; …"). */
  counted: string;
  /** The zone of its dates without an offset when `--tz` is not given; null when it writes offsets. */
  zone: string | null;
  /** Canonical orders from the export's bytes; `file` names it in errors. */
  read(bytes: Uint8Array, file: string, options: { tz?: string }): OrderRow[];
}

export const PLATFORM_IMPORTS = {
  shopify: {
    file: '<orders_export.csv>',
    help:
      "Shopify's order export (one row per line item) to canonical orders: one per Name, dates in UTC,\n" +
      'cancelled, refunded or voided orders not qualifying, Shipping Province as the region, Source as the channel.',
    counted: "one per Name; line items after an order's first row skipped",
    zone: null,
    read: (bytes, file) => shopifyOrders(decodeText(bytes).text, file),
  },
  vtex: {
    file: '<report.csv>',
    help:
      "VTEX's order report (one row per SKU) to canonical orders: one per Order, ISO dates in UTC (without an\n" +
      'offset, read in --tz, default UTC), canceled orders not qualifying, UF as the region, the trade policy\n' +
      '(SalesChannel) as the channel.',
    counted: 'one per Order; rows of its other SKUs skipped',
    zone: 'UTC',
    read: vtexOrders,
  },
  nuvemshop: {
    file: '<vendas.csv>',
    help:
      "Nuvemshop's sales export (Latin-1, ';', one row per product) to canonical orders: one per Número do\n" +
      "Pedido, DD/MM/YYYY dates in the store's time (--tz, default America/Sao_Paulo) written in UTC,\n" +
      'cancelled or refused orders not qualifying, Estado as the region.',
    counted: "one per Número do Pedido; product rows after an order's first row skipped",
    zone: 'America/Sao_Paulo',
    read: nuvemshopOrders,
  },
  woocommerce: {
    file: '<orders.csv>',
    help:
      "WooCommerce's order export (the Order Import Export CSV) to canonical orders: one per order_id, dates\n" +
      "in the site's time (--tz, default UTC) written in UTC, cancelled, refunded or failed orders not\n" +
      'qualifying, shipping_state as the region, created_via as the channel.',
    counted: 'one per order_id',
    zone: 'UTC',
    read: woocommerceOrders,
  },
} satisfies Record<string, PlatformImport>;

export type Platform = keyof typeof PLATFORM_IMPORTS;
