/**
 * The `checkout-friction` widget's messages, in Spanish: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { CheckoutFrictionEnglish } from '../en/checkout-friction.js';

export default {
  name: 'Fricción en el checkout',
  emptyCell: 'ninguno',
  abandonment: 'Abandono del checkout',
  stepRate: 'abandonaron en este paso',
  abandonmentSub: {
    one: '{completed} de {count} comprador completó',
    other: '{completed} de {count} compradores completaron',
  },
  atRisk: 'Ingresos en riesgo',
  atRiskSub: 'Mayor pérdida: {step}',
  flow: 'Pasos del checkout',
  step: 'Paso',
  entered: 'Entraron',
  exited: 'Salieron',
  rate: 'Abandono',
  time: 'Tiempo mediano',
  revenue: 'Ingresos en riesgo',
  topLoss: 'Mayor pérdida',
  estimated: 'estimado: salidas × ticket medio',
  given: 'informado por la tienda',
  overCounted: {
    one: '{observations} reportes de fricción para {count} salida: un comprador puede tener varios.',
    other: '{observations} reportes de fricción para {count} salidas: un comprador puede tener varios.',
  },
  map: 'Por qué se van los compradores',
  category: 'Categoría',
  causes: 'Causas principales',
  rankBy: 'Ordenar por',
  byCount: 'Cantidad',
  byRevenue: 'Ingresos',
  breakdown: 'Desglose',
  everyone: 'Todos los compradores',
  vsAll: '{delta} vs. todos',
  price: 'Precio',
  payment: 'Pago',
  form: 'Formulario',
  account: 'Cuenta',
  delivery: 'Entrega',
  trust: 'Confianza',
  technical: 'Técnico',
  other: 'Otro',
  reports: { one: '{count} reporte', other: '{count} reportes' },
  mapCaption: 'Fricciones por paso y categoría',
  flowCaption: 'Pasos del checkout: {title}',
  causeLine: '{step} · {category}',
} satisfies Translation<CheckoutFrictionEnglish>;
