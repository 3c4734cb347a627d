import { defineOnce } from '../../src/core/define.js';
import { KpiFunnel } from './kpi-funnel.js';

export { KpiFunnel };
defineOnce('kpi-funnel', KpiFunnel);
