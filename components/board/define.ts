import { defineOnce } from '../../src/core/define.js';
import { KpiBoard } from './kpi-board.js';

export { KpiBoard };
export type { KpiBoardChangeDetail } from './kpi-board.js';
export type { BoardFilters } from '../../src/view/board.js';
defineOnce('kpi-board', KpiBoard);
