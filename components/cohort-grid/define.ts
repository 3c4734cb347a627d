import { defineOnce } from '../../src/core/define.js';
import { KpiCohortGrid } from './kpi-cohort-grid.js';

export { KpiCohortGrid };
defineOnce('kpi-cohort-grid', KpiCohortGrid);
