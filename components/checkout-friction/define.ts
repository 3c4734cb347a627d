import { defineOnce } from '../../src/core/define.js';
import { KpiCheckoutFriction } from './kpi-checkout-friction.js';

export { KpiCheckoutFriction };
defineOnce('kpi-checkout-friction', KpiCheckoutFriction);
