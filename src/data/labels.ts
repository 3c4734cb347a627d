/**
 * The labels a builder writes into a document when the caller gives none (metric names), in
 * en, pt-BR and es: a store in Brazil gets "Receita", not "Revenue". Pure and DOM-free.
 */
const LABELS = {
  revenue: { en: 'Revenue', 'pt-BR': 'Receita', es: 'Ingresos' },
  orders: { en: 'Orders', 'pt-BR': 'Pedidos', es: 'Pedidos' },
  customers: { en: 'Customers', 'pt-BR': 'Clientes', es: 'Clientes' },
  averageTicket: { en: 'Average ticket', 'pt-BR': 'Ticket médio', es: 'Ticket promedio' },
  repeatRate: { en: 'Repeat-purchase rate', 'pt-BR': 'Taxa de recompra', es: 'Tasa de recompra' },
} as const;

export type BuiltInLabel = keyof typeof LABELS;

/** The canonical timestamp columns as people read them: funnel steps and SLA metrics default to these. */
const COLUMN_LABELS: Record<string, { en: string; 'pt-BR': string; es: string }> = {
  ordered_at: { en: 'Order placed', 'pt-BR': 'Pedido realizado', es: 'Pedido realizado' },
  approved_at: { en: 'Payment approved', 'pt-BR': 'Pagamento aprovado', es: 'Pago aprobado' },
  shipped_at: { en: 'Shipped', 'pt-BR': 'Enviado', es: 'Enviado' },
  delivered_at: { en: 'Delivered', 'pt-BR': 'Entregue', es: 'Entregado' },
  promised_at: { en: 'Promised delivery', 'pt-BR': 'Entrega prometida', es: 'Entrega prometida' },
  reviewed_at: { en: 'Reviewed', 'pt-BR': 'Avaliado', es: 'Reseñado' },
};

const language = (locale: string) => (/^pt\b/i.test(locale) ? 'pt-BR' : /^es\b/i.test(locale) ? 'es' : 'en');

/** The label `key` in the language of `locale` (any BCP 47 tag; pt-* is pt-BR, es-* is es, others English). */
export function builtInLabel(key: BuiltInLabel, locale = 'en'): string {
  return LABELS[key][language(locale)];
}

/**
 * A canonical timestamp column as people read it ("Pedido realizado" for `ordered_at` in pt-BR); another column stays
 * its name.
 */
export function columnLabel(column: string, locale = 'en'): string {
  return COLUMN_LABELS[column]?.[language(locale)] ?? column;
}
