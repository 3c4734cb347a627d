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

/**
 * GA4's recommended e-commerce events (and the events funnels' segment dimensions) as people read
 * them, in the imperative GA4's own names use: a checkout built with --locale pt-BR reads
 * "Iniciar checkout → Informar pagamento", not "begin_checkout → add_payment_info".
 */
const EVENT_LABELS: Record<string, { en: string; 'pt-BR': string; es: string }> = {
  view_item_list: { en: 'View item list', 'pt-BR': 'Ver lista de produtos', es: 'Ver lista de productos' },
  view_item: { en: 'View item', 'pt-BR': 'Ver produto', es: 'Ver producto' },
  select_item: { en: 'Select item', 'pt-BR': 'Selecionar produto', es: 'Seleccionar producto' },
  add_to_wishlist: { en: 'Add to wishlist', 'pt-BR': 'Adicionar aos favoritos', es: 'Añadir a favoritos' },
  add_to_cart: { en: 'Add to cart', 'pt-BR': 'Adicionar ao carrinho', es: 'Añadir al carrito' },
  remove_from_cart: { en: 'Remove from cart', 'pt-BR': 'Remover do carrinho', es: 'Quitar del carrito' },
  view_cart: { en: 'View cart', 'pt-BR': 'Ver carrinho', es: 'Ver carrito' },
  begin_checkout: { en: 'Begin checkout', 'pt-BR': 'Iniciar checkout', es: 'Iniciar checkout' },
  add_shipping_info: { en: 'Add shipping info', 'pt-BR': 'Informar entrega', es: 'Añadir datos de envío' },
  add_payment_info: { en: 'Add payment info', 'pt-BR': 'Informar pagamento', es: 'Añadir datos de pago' },
  purchase: { en: 'Purchase', 'pt-BR': 'Comprar', es: 'Comprar' },
  refund: { en: 'Refund', 'pt-BR': 'Reembolso', es: 'Reembolso' },
  page_view: { en: 'Page view', 'pt-BR': 'Ver página', es: 'Ver página' },
  sign_up: { en: 'Sign up', 'pt-BR': 'Cadastrar-se', es: 'Registrarse' },
  login: { en: 'Login', 'pt-BR': 'Entrar', es: 'Iniciar sesión' },
  generate_lead: { en: 'Generate lead', 'pt-BR': 'Gerar lead', es: 'Generar lead' },
  device: { en: 'Device', 'pt-BR': 'Dispositivo', es: 'Dispositivo' },
  channel: { en: 'Channel', 'pt-BR': 'Canal', es: 'Canal' },
  region: { en: 'Region', 'pt-BR': 'Região', es: 'Región' },
};

/** A known event (or segment dimension) as people read it in `locale`'s language; undefined for another name. */
export function knownEventLabel(name: string, locale = 'en'): string | undefined {
  return EVENT_LABELS[name]?.[language(locale)];
}
