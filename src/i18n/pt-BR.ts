/** Every built-in string in pt-BR: the chunk a page loads when it first needs pt-BR (see loadLanguage). */
// Generated from src/registry.ts and the files of src/i18n/pt-BR/ by scripts/generate.mjs: do not edit.
import type { LocaleFile } from './index.js';
import base from './pt-BR/base.js';
import funnel from './pt-BR/funnel.js';
import checkoutFriction from './pt-BR/checkout-friction.js';
import cohort from './pt-BR/cohort.js';
import regionalSla from './pt-BR/regional-sla.js';
import channels from './pt-BR/channels.js';
import forecast from './pt-BR/forecast.js';
import board from './pt-BR/board.js';

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
