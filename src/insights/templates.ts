/**
 * The sentences of the insights, per language. Each takes the facts already written (`w`) and the
 * labels it names; counts choose their plural form and words agree with their noun ("segunda
 * semana", "segundo mês"). No number is written here: every one comes from a fact.
 */
import { plural } from './facts.js';

export type Language = 'en' | 'pt-BR' | 'es';
type W = Record<string, string>;
type Unit = 'day' | 'week' | 'month';

export interface Templates {
  funnelConversion(w: W, change: 'up' | 'down' | 'same' | null): string;
  funnelLoss(w: W): string;
  funnelWeakest(w: W): string;
  checkoutRisk(w: W): string;
  checkoutExit(w: W): string;
  cohortLatest(w: W, unit: Unit, revenue: boolean): string;
  cohortBestWorst(w: W, unit: Unit): string;
  slaBreaches(w: W, breached: number, regions: number): string;
  slaMostLate(w: W): string;
  channelsLargest(w: W): string;
  channelsShared(w: W): string;
  forecastClose(w: W, ahead: boolean | null, daysLeft: number): string;
  forecastNext(w: W, where: 'above' | 'below' | 'across' | null): string;
}

const en: Templates = {
  funnelConversion: (w, change) =>
    `Overall conversion is ${w['rate']}: ${w['last']} of ${w['first']} reached “${w['lastLabel']}”` +
    (change === 'same'
      ? `, about the same as ${w['before']} in “${w['comparison']}”.`
      : change
        ? `, ${w['change']} against ${w['before']} in “${w['comparison']}”.`
        : '.'),
  funnelLoss: (w) =>
    `The biggest loss is between “${w['from']}” and “${w['to']}”: ${w['lost']} fewer, ${w['share']} of all lost.`,
  funnelWeakest: (w) => `“${w['segment']}” converts least: ${w['segmentRate']}, against ${w['rate']} overall.`,
  checkoutRisk: (w) =>
    `“${w['cause']}” at “${w['step']}” puts the most revenue at risk: ${w['risk']}, ${w['share']} of all revenue ` +
    `at risk.`,
  checkoutExit: (w) =>
    `More buyers leave at “${w['step']}” than at any other step: ${w['exited']} of ${w['entered']} (${w['rate']}).`,
  cohortLatest: (w, unit, revenue) =>
    revenue
      ? `In its second ${unit}, the latest cohort (“${w['cohort']}”) brought ${w['value']} per customer; the ` +
        `average at that age is ${w['average']}.`
      : `In its second ${unit}, the latest cohort (“${w['cohort']}”) kept ${w['value']} of its customers; the ` +
        `average at that age is ${w['average']}.`,
  cohortBestWorst: (w, unit) =>
    `In their second ${unit}, the best cohort is “${w['bestCohort']}” (${w['best']}) and the weakest ` +
    `“${w['worstCohort']}” (${w['worst']}).`,
  slaBreaches: (w, n, total) =>
    n === 0
      ? `No region breaches the target of “${w['metric']}” (${w['regions']} measured).`
      : `${w['breached']} of ${w['regions']} ${plural('en', total, { one: 'region', other: 'regions' })} ` +
        `${plural('en', n, { one: 'breaches', other: 'breach' })} the target of “${w['metric']}”.`,
  slaMostLate: (w) =>
    `“${w['region']}”${w['group'] ? ` (${w['group']})` : ''} has the most late orders: ${w['late']} of ${w['total']} ` +
    `(${w['share']}) missed the target of “${w['metric']}”.`,
  channelsLargest: (w) =>
    `“${w['channel']}” is the largest channel, with ${w['share']} of “${w['metric']}”` +
    (w['change'] ? ` (${w['change']} over the period).` : '.'),
  channelsShared: (w) => `Counted per channel, customers add up to ${w['perChannel']}; ${w['unique']} are distinct.`,
  forecastClose: (w, ahead, daysLeft) =>
    `The running period is projected to close at ${w['projected']}` +
    (w['target'] ? `, ${w['attainment']} of its ${w['target']} target.` : '.') +
    (ahead === false && w['perDay']
      ? ` Reaching it needs ${w['perDay']} a day over the ${w['daysLeft']} ` +
        `${plural('en', daysLeft, { one: 'day', other: 'days' })} left.`
      : ''),
  forecastNext: (w, where) =>
    where === null
      ? `The next period’s forecast is ${w['lower']} to ${w['upper']}.`
      : `The next period’s forecast (${w['lower']} to ${w['upper']}) is ` +
        (where === 'across' ? `on both sides of its ${w['target']} target.` : `${where} its ${w['target']} target.`),
};

const PT_UNIT: Record<Unit, string> = { day: 'segundo dia', week: 'segunda semana', month: 'segundo mês' };

const ptBR: Templates = {
  funnelConversion: (w, change) =>
    `A conversão total é de ${w['rate']}: ${w['last']} de ${w['first']} chegaram a “${w['lastLabel']}”` +
    (change === 'same'
      ? `, praticamente igual aos ${w['before']} de “${w['comparison']}”.`
      : change
        ? `, ${w['change']} sobre os ${w['before']} de “${w['comparison']}”.`
        : '.'),
  funnelLoss: (w) =>
    `A maior perda é entre “${w['from']}” e “${w['to']}”: ${w['lost']} a menos, ${w['share']} de tudo o que se perde.`,
  funnelWeakest: (w) => `“${w['segment']}” converte menos: ${w['segmentRate']}, contra ${w['rate']} no total.`,
  checkoutRisk: (w) =>
    `“${w['cause']}” em “${w['step']}” é o que mais põe receita em risco: ${w['risk']}, ${w['share']} de toda a ` +
    `receita em risco.`,
  checkoutExit: (w) =>
    `Em “${w['step']}” saem mais compradores do que em qualquer outra etapa: ${w['exited']} de ${w['entered']} ` +
    `(${w['rate']}).`,
  cohortLatest: (w, unit, revenue) =>
    revenue
      ? `No ${PT_UNIT[unit]}, a coorte mais recente (“${w['cohort']}”) trouxe ${w['value']} por cliente; a média ` +
        `nessa idade é ${w['average']}.`
      : `${unit === 'week' ? 'Na' : 'No'} ${PT_UNIT[unit]}, a coorte mais recente (“${w['cohort']}”) manteve ` +
        `${w['value']} dos clientes; a média nessa idade é ${w['average']}.`,
  cohortBestWorst: (w, unit) =>
    `${unit === 'week' ? 'Na' : 'No'} ${PT_UNIT[unit]}, a melhor coorte é “${w['bestCohort']}” (${w['best']}) e ` +
    `a mais fraca, “${w['worstCohort']}” (${w['worst']}).`,
  slaBreaches: (w, n, total) =>
    n === 0
      ? `Nenhuma região estoura a meta de “${w['metric']}” (${w['regions']} ` +
        `${plural('pt-BR', total, { one: 'medida', other: 'medidas' })}).`
      : `${w['breached']} de ${w['regions']} ${plural('pt-BR', total, { one: 'região', other: 'regiões' })} ` +
        `${plural('pt-BR', n, { one: 'estoura', other: 'estouram' })} a meta de “${w['metric']}”.`,
  slaMostLate: (w) =>
    `“${w['region']}”${w['group'] ? ` (${w['group']})` : ''} tem mais pedidos atrasados: ${w['late']} de ` +
    `${w['total']} ` +
    `(${w['share']}) perderam a meta de “${w['metric']}”.`,
  channelsLargest: (w) =>
    `“${w['channel']}” é o maior canal, com ${w['share']} de “${w['metric']}”` +
    (w['change'] ? ` (${w['change']} no período).` : '.'),
  channelsShared: (w) => `Somados por canal, os clientes são ${w['perChannel']}; ${w['unique']} são distintos.`,
  forecastClose: (w, ahead, daysLeft) =>
    `O período em curso deve fechar em ${w['projected']}` +
    (w['target'] ? `, ${w['attainment']} da meta de ${w['target']}.` : '.') +
    (ahead === false && w['perDay']
      ? ` Para chegar lá, são precisos ${w['perDay']} por dia ` +
        `${plural('pt-BR', daysLeft, { one: 'no', other: 'nos' })} ${w['daysLeft']} ` +
        `${plural('pt-BR', daysLeft, { one: 'dia restante', other: 'dias restantes' })}.`
      : ''),
  forecastNext: (w, where) =>
    where === null
      ? `A previsão do próximo período vai de ${w['lower']} a ${w['upper']}.`
      : `A previsão do próximo período (${w['lower']} a ${w['upper']}) está ` +
        (where === 'across'
          ? `dos dois lados da meta de ${w['target']}.`
          : `${where === 'above' ? 'acima' : 'abaixo'} da meta de ${w['target']}.`),
};

const ES_UNIT: Record<Unit, string> = { day: 'segundo día', week: 'segunda semana', month: 'segundo mes' };

const es: Templates = {
  funnelConversion: (w, change) =>
    `La conversión total es del ${w['rate']}: ${w['last']} de ${w['first']} llegaron a “${w['lastLabel']}”` +
    (change === 'same'
      ? `, casi igual que el ${w['before']} de “${w['comparison']}”.`
      : change
        ? `, ${w['change']} frente al ${w['before']} de “${w['comparison']}”.`
        : '.'),
  funnelLoss: (w) =>
    `La mayor pérdida está entre “${w['from']}” y “${w['to']}”: ${w['lost']} menos, el ${w['share']} de todo lo ` +
    `perdido.`,
  funnelWeakest: (w) =>
    `“${w['segment']}” es el que menos convierte: ${w['segmentRate']}, frente al ${w['rate']} total.`,
  checkoutRisk: (w) =>
    `“${w['cause']}” en “${w['step']}” es lo que más ingresos pone en riesgo: ${w['risk']}, el ${w['share']} de ` +
    `todos los ingresos en riesgo.`,
  checkoutExit: (w) =>
    `En “${w['step']}” abandonan más compradores que en cualquier otro paso: ${w['exited']} de ${w['entered']} ` +
    `(${w['rate']}).`,
  cohortLatest: (w, unit, revenue) =>
    revenue
      ? `En su ${ES_UNIT[unit]}, la cohorte más reciente (“${w['cohort']}”) aportó ${w['value']} por cliente; la ` +
        `media a esa edad es ${w['average']}.`
      : `En su ${ES_UNIT[unit]}, la cohorte más reciente (“${w['cohort']}”) retuvo el ${w['value']} de sus ` +
        `clientes; la media a esa edad es ${w['average']}.`,
  cohortBestWorst: (w, unit) =>
    `En su ${ES_UNIT[unit]}, la mejor cohorte es “${w['bestCohort']}” (${w['best']}) y la más débil, ` +
    `“${w['worstCohort']}” (${w['worst']}).`,
  slaBreaches: (w, n, total) =>
    n === 0
      ? `Ninguna región incumple el objetivo de “${w['metric']}” (${w['regions']} ` +
        `${plural('es', total, { one: 'medida', other: 'medidas' })}).`
      : `${w['breached']} de ${w['regions']} ${plural('es', total, { one: 'región', other: 'regiones' })} ` +
        `${plural('es', n, { one: 'incumple', other: 'incumplen' })} el objetivo de “${w['metric']}”.`,
  slaMostLate: (w) =>
    `“${w['region']}”${w['group'] ? ` (${w['group']})` : ''} tiene más pedidos con retraso: ${w['late']} de ` +
    `${w['total']} ` +
    `(${w['share']}) no cumplieron el objetivo de “${w['metric']}”.`,
  channelsLargest: (w) =>
    `“${w['channel']}” es el canal más grande, con el ${w['share']} de “${w['metric']}”` +
    (w['change'] ? ` (${w['change']} en el período).` : '.'),
  channelsShared: (w) => `Sumados por canal, los clientes son ${w['perChannel']}; ${w['unique']} son distintos.`,
  forecastClose: (w, ahead, daysLeft) =>
    `Se prevé que el período en curso cierre en ${w['projected']}` +
    (w['target'] ? `, el ${w['attainment']} del objetivo de ${w['target']}.` : '.') +
    (ahead === false && w['perDay']
      ? ` Para alcanzarlo hacen falta ${w['perDay']} al día durante ` +
        `${plural('es', daysLeft, { one: 'el', other: 'los' })} ${w['daysLeft']} ` +
        `${plural('es', daysLeft, { one: 'día restante', other: 'días restantes' })}.`
      : ''),
  forecastNext: (w, where) =>
    where === null
      ? `La previsión del próximo período va de ${w['lower']} a ${w['upper']}.`
      : `La previsión del próximo período (${w['lower']} a ${w['upper']}) está ` +
        (where === 'across'
          ? `a ambos lados del objetivo de ${w['target']}.`
          : `${where === 'above' ? 'por encima' : 'por debajo'} del objetivo de ${w['target']}.`),
};

export const TEMPLATES: Record<Language, Templates> = { en, 'pt-BR': ptBR, es };
