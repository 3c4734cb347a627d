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

/** The label `key` in the language of `locale` (any BCP 47 tag; pt-* is pt-BR, es-* is es, others English). */
export function builtInLabel(key: BuiltInLabel, locale = 'en'): string {
  const lang = /^pt\b/i.test(locale) ? 'pt-BR' : /^es\b/i.test(locale) ? 'es' : 'en';
  return LABELS[key][lang];
}
