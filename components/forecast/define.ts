import { defineOnce } from '../../src/core/define.js';
import { KpiForecast } from './kpi-forecast.js';

export { KpiForecast };
defineOnce('kpi-forecast', KpiForecast);
