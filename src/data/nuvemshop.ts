/**
 * Nuvemshop's sales export (Vendas → Lista de vendas → "Exportar lista", the button its help
 * centre describes in "Como administrar meus pedidos na página de Vendas?",
 * https://atendimento.nuvemshop.com.br/pt_BR/minhas-vendas/como-administrar-meus-pedidos-na-pagina-de-vendas)
 * to canonical orders. The help centre names the button but not the file's columns; they are
 * the export's own Portuguese headers (`Número do Pedido`, `E-mail`, `Data`, `Status do Pedido`,
 * `Status do Pagamento`, `Status do Envio`, `Total`, `Data de pagamento`, `Data de envio`, …).
 * What it takes from it:
 *
 * - Windows-1252 (Latin-1) or UTF-8, `;`-separated: both detected as `kpi-kit import csv`
 *   detects them, and so is the decimal mark of `Total`;
 * - one row per product: an order's fields are on its first row only, so rows are grouped by
 *   `Número do Pedido`;
 * - dates `DD/MM/YYYY HH:mm:ss` (or a day alone), the store's wall-clock time, read in `--tz`
 *   (default America/Sao_Paulo, the panel's time) and written in UTC; `Data`, `Data de
 *   pagamento` and `Data de envio` are when it was placed, paid and shipped (the export has no
 *   delivery date);
 * - `Status do Pedido` `Cancelado`, or a `Status do Pagamento` that took the money back or never
 *   took it (`Recusado`, `Estornado`, `Reembolsado`, `Cancelado`, `Abandonado`): the order does
 *   not qualify (`canceled`); otherwise `Entregue` and `Enviado` read `delivered` and `shipped`,
 *   `Confirmado` and `Pago` read `paid`, and any other payment status is kept as written;
 * - the customer is `E-mail` (lower-cased), else `CPF / CNPJ`, else `Nome do comprador`;
 * - the region is `Estado` (a Brazilian state, `SP` or `São Paulo`, becomes `BR-SP` with its
 *   name and macro-region) when the export has it, the channel `Canal`, the currency `Moeda`.
 */
import { foldName, parseCsv } from './csv.js';
import { platformOrders, regionOf, wallClockToUtc, type PlatformExport } from './platform-export.js';
import { decodeText, detectDecimal, detectDelimiter, parseAmount, parseTimestamp } from './import-csv.js';
import type { OrderRow } from './orders.js';

/**
 * `10/01/2026 09:30:00` (or `10/01/2026`, or `10/01/2026 09:30`), a wall-clock time in `tz`, as a
 * UTC timestamp; null when empty, undefined when it is not a date.
 */
export function nuvemshopTime(text: string | undefined, tz = 'America/Sao_Paulo'): string | null | undefined {
  const t = (text ?? '').trim();
  if (!t) return null;
  // Day first only: an ISO date is not what Nuvemshop writes.
  const written = /^\d{1,2}\//.test(t) ? parseTimestamp(t, 'dmy') : undefined;
  return written ? wallClockToUtc(written, tz) : undefined;
}

const NUVEMSHOP: PlatformExport = {
  name: 'a Nuvemshop sales export',
  required: ['Número do Pedido', 'Data'],
  key: 'Número do Pedido',
  keyText: 'the order number',
  time: nuvemshopTime,
  timeExample: 'a date such as 10/01/2026 09:30:00',
};

/** Payment statuses of an order whose money never came or went back. */
const NOT_PAID = new Set(['recusado', 'estornado', 'reembolsado', 'cancelado', 'abandonado']);

/** The canonical status of a Nuvemshop order from its order, payment and shipping statuses. */
export function nuvemshopStatus(order: string, payment: string, shipping: string): string | null {
  const pay = foldName(payment);
  if (/^cancelad[oa]$/.test(foldName(order)) || NOT_PAID.has(pay)) return 'canceled';
  const ship = foldName(shipping);
  if (ship === 'entregue') return 'delivered';
  if (ship === 'enviado') return 'shipped';
  if (pay === 'confirmado' || pay === 'pago') return 'paid';
  return payment.trim().toLowerCase() || null;
}

/**
 * Canonical orders from a Nuvemshop sales export's bytes; `file` names it in errors; dates are
 * read in `tz` (default America/Sao_Paulo).
 */
export function nuvemshopOrders(
  bytes: Uint8Array,
  file: string,
  { tz = 'America/Sao_Paulo' }: { tz?: string } = {},
): OrderRow[] {
  const { text } = decodeText(bytes);
  const table = parseCsv(text, file, detectDelimiter(text), true);
  const total = table.header.find((h) => foldName(h) === foldName('Total')) ?? 'Total';
  // Only an order's first row has its total; the product rows below it are empty there.
  const decimal = detectDecimal(table.records.map((r) => r.values[total] ?? ''));
  return platformOrders(
    table,
    file,
    NUVEMSHOP,
    ({ text: v, time, bad }, id) => {
      const customer = v('E-mail').toLowerCase() || v('CPF / CNPJ') || v('Nome do comprador');
      if (!customer) throw bad('E-mail', 'the customer (an e-mail, else a CPF / CNPJ or a Nome do comprador)');
      const amount = parseAmount(v('Total'), decimal);
      if (amount !== null && Number.isNaN(amount)) throw bad('Total', `an amount (decimal '${decimal}')`);
      const region = regionOf(v('Estado'), v('País'));
      return {
        order_id: id,
        customer_id: customer,
        ordered_at: time('Data', true)!,
        approved_at: time('Data de pagamento'),
        shipped_at: time('Data de envio'),
        status: nuvemshopStatus(v('Status do Pedido'), v('Status do Pagamento'), v('Status do Envio')),
        region_id: region.region_id ?? null,
        region_label: region.region_label ?? null,
        region_group: region.region_group ?? null,
        channel: v('Canal') || null,
        amount,
        currency: v('Moeda') || null,
      };
    },
    tz,
  );
}
