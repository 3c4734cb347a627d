/**
 * Every kind, from its module (src/kinds/<kind>.ts): its public API, and the maps by kind the rest
 * of the kit reads. Generated from src/registry.ts by scripts/generate.mjs: do not edit.
 */
import * as funnel from './funnel.js';
import * as checkoutFriction from './checkout-friction.js';
import * as cohort from './cohort.js';
import * as regionalSla from './regional-sla.js';
import * as channels from './channels.js';
import * as forecast from './forecast.js';

export * from './funnel.js';
export * from './checkout-friction.js';
export * from './cohort.js';
export * from './regional-sla.js';
export * from './channels.js';
export * from './forecast.js';

/** The zod schema of each kind of KPI document. */
export const schemas = {
  funnel: funnel.funnelSchema,
  'checkout-friction': checkoutFriction.checkoutFrictionSchema,
  cohort: cohort.cohortSchema,
  'regional-sla': regionalSla.regionalSlaSchema,
  channels: channels.channelsSchema,
  forecast: forecast.forecastSchema,
} as const;

/** The kinds of KPI document. */
export type KpiKind = keyof typeof schemas;

/** Each kind's facts (its JSON Schema's descriptions, the code it loads on demand), for the build. */
export const KIND_FACTS = {
  funnel: funnel.funnelKind,
  'checkout-friction': checkoutFriction.checkoutFrictionKind,
  cohort: cohort.cohortKind,
  'regional-sla': regionalSla.regionalSlaKind,
  channels: channels.channelsKind,
  forecast: forecast.forecastKind,
} as const;

/** The typed document of each kind. */
export interface KpiDocMap {
  funnel: funnel.FunnelKind['doc'];
  'checkout-friction': checkoutFriction.CheckoutFrictionKind['doc'];
  cohort: cohort.CohortKind['doc'];
  'regional-sla': regionalSla.RegionalSlaKind['doc'];
  channels: channels.ChannelsKind['doc'];
  forecast: forecast.ForecastKind['doc'];
}

/**
 * What each widget's `kpi-select` says the user picked: `type` names the thing, `id` its id in the
 * document, and further fields qualify it. Narrow on `type` (a discriminated union).
 */
export interface KpiSelections {
  funnel: funnel.FunnelKind['selection'];
  'checkout-friction': checkoutFriction.CheckoutFrictionKind['selection'];
  cohort: cohort.CohortKind['selection'];
  'regional-sla': regionalSla.RegionalSlaKind['selection'];
  channels: channels.ChannelsKind['selection'];
  forecast: forecast.ForecastKind['selection'];
}

/** Each widget's English messages, which every other language's are checked against. */
export interface WidgetEnglish {
  funnel: funnel.FunnelKind['english'];
  'checkout-friction': checkoutFriction.CheckoutFrictionKind['english'];
  cohort: cohort.CohortKind['english'];
  'regional-sla': regionalSla.RegionalSlaKind['english'];
  channels: channels.ChannelsKind['english'];
  forecast: forecast.ForecastKind['english'];
}
