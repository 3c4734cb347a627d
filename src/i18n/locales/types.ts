/**
 * The shape of a language file: for each widget (by kind), its messages in that language,
 * checked against the widget's English messages. A new widget adds its English type here;
 * the type check then names every language file that still needs its translations.
 */
import type { BaseMessages, Translation } from '../index.js';
import type { FunnelEnglish } from '../../../components/funnel/strings.js';
import type { CheckoutFrictionEnglish } from '../../../components/checkout-friction/strings.js';
import type { CohortGridEnglish } from '../../../components/cohort-grid/strings.js';
import type { RegionalSlaEnglish } from '../../../components/regional-sla/strings.js';
import type { ChannelViewEnglish } from '../../../components/channel-view/strings.js';
import type { ForecastEnglish } from '../../../components/forecast/strings.js';
import type { KpiKind } from '../../schema/index.js';

export interface WidgetEnglish {
  funnel: FunnelEnglish;
  'checkout-friction': CheckoutFrictionEnglish;
  cohort: CohortGridEnglish;
  'regional-sla': RegionalSlaEnglish;
  channels: ChannelViewEnglish;
  forecast: ForecastEnglish;
}

/** Fails the type check when a kind of the contract has no English messages above. */
type Missing = Exclude<KpiKind, keyof WidgetEnglish>;
const everyKind: [Missing] extends [never] ? true : Missing = true;
void everyKind;

export type LocaleFile = { readonly base: Translation<BaseMessages> } & { readonly [K in keyof WidgetEnglish]: Translation<WidgetEnglish[K]> };
