import { defineOnce } from '../../src/core/define.js';
import { KpiRegionalSla } from './kpi-regional-sla.js';

export { KpiRegionalSla };
defineOnce('kpi-regional-sla', KpiRegionalSla);
