import { defineOnce } from '../../src/core/define.js';
import { KpiChannelView } from './kpi-channel-view.js';

export { KpiChannelView };
defineOnce('kpi-channel-view', KpiChannelView);
