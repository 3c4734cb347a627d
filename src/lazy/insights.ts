/**
 * The insights' rules and sentences (src/insights), which every widget loads the first time it shows a
 * document without insights of its own (a self-contained chunk in the CDN build, chunks/insights.js,
 * like the forecast engine). The forecast widget hands over its outlook, so no forecast engine is in here.
 */
export { insightsWith } from '../insights/core.js';
export { insightList, insightStyles } from '../insights/list.js';

/** What the widgets load. */
export type InsightsCode = typeof import('./insights.js');
