import type { CheckoutFrictionDoc } from '../schema/checkout-friction.js';
import type { CheckoutFrictionMessages } from '../i18n/en/checkout-friction.js';
import { percent, type CsvOptions, type CsvTable } from './csv.js';

/** A checkout's flow: each step's shoppers who entered and left, its abandonment (%) and median time (seconds). */
export function checkoutFrictionCsv(doc: CheckoutFrictionDoc, { t }: CsvOptions<CheckoutFrictionMessages>): CsvTable {
  const head = [t('step'), t('entered'), t('exited'), `${t('rate')} (%)`, `${t('time')} (s)`];
  const rows = doc.steps.map((s) => [
    s.label,
    s.entered,
    s.exited,
    percent(s.exited, s.entered),
    s.medianSeconds ?? null,
  ]);
  return { rows: [head, ...rows], text: new Set([0]) };
}
