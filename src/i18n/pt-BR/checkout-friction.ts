/**
 * The `checkout-friction` widget's messages, in Brazilian Portuguese: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { CheckoutFrictionEnglish } from '../en/checkout-friction.js';

export default {
  name: 'Atrito no checkout',
  emptyCell: 'nenhum',
  abandonment: 'Abandono do checkout',
  stepRate: 'abandonaram nesta etapa',
  abandonmentSub: {
    one: '{completed} de {count} comprador concluiu',
    other: '{completed} de {count} compradores concluíram',
  },
  atRisk: 'Receita em risco',
  atRiskSub: 'Maior perda: {step}',
  flow: 'Etapas do checkout',
  step: 'Etapa',
  entered: 'Entraram',
  exited: 'Saíram',
  rate: 'Abandono',
  time: 'Tempo mediano',
  revenue: 'Receita em risco',
  topLoss: 'Maior perda',
  estimated: 'estimada: saídas × ticket médio',
  given: 'informada pela loja',
  overCounted: {
    one: '{observations} relatos de atrito para {count} saída: um comprador pode ter vários.',
    other: '{observations} relatos de atrito para {count} saídas: um comprador pode ter vários.',
  },
  map: 'Por que os compradores saem',
  category: 'Categoria',
  causes: 'Principais causas',
  rankBy: 'Ordenar por',
  byCount: 'Quantidade',
  byRevenue: 'Receita',
  breakdown: 'Recorte',
  everyone: 'Todos os compradores',
  vsAll: '{delta} vs. todos',
  price: 'Preço',
  payment: 'Pagamento',
  form: 'Formulário',
  account: 'Conta',
  delivery: 'Entrega',
  trust: 'Confiança',
  technical: 'Técnico',
  other: 'Outro',
  reports: { one: '{count} relato', other: '{count} relatos' },
  mapCaption: 'Atritos por etapa e categoria',
  flowCaption: 'Etapas do checkout: {title}',
  causeLine: '{step} · {category}',
} satisfies Translation<CheckoutFrictionEnglish>;
