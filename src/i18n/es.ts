/** Every built-in string in es: the chunk a page loads when it first needs es (see loadLanguage). */
// Generated from src/registry.ts and the files of src/i18n/es/ by scripts/generate.mjs: do not edit.
import type { LocaleFile } from './index.js';
import base from './es/base.js';
import funnel from './es/funnel.js';
import checkoutFriction from './es/checkout-friction.js';
import cohort from './es/cohort.js';
import regionalSla from './es/regional-sla.js';
import channels from './es/channels.js';
import forecast from './es/forecast.js';
import board from './es/board.js';

export default {
  base,
  funnel,
  'checkout-friction': checkoutFriction,
  cohort,
  'regional-sla': regionalSla,
  channels,
  forecast,
  board,
} satisfies LocaleFile;
