/** The `cohort` kind's data path: acquisition cohorts from orders, in memory or on an engine. */
import { cohortRecipe } from '../sql.js';
import { runRecipe } from '../engines.js';
import type { CohortDoc } from '../../schema/cohort.js';
import type { OrderRow } from '../orders.js';
import { assembleCohort, buildCohort, type CohortBuildOptions, type CohortRows } from '../cohort.js';
import { flag, oneOf, recipeFacts, sourceContext, type DataPath, type SqlSource } from './common.js';

export async function buildCohortSql(s: SqlSource, options: CohortBuildOptions = {}): Promise<CohortDoc> {
  const r = await runRecipe(
    s.engine,
    cohortRecipe({ ...sourceContext(s, options.tz), ...(options.period ? { period: options.period } : {}) }),
  );
  return assembleCohort(
    { facts: recipeFacts(r['facts']), cells: r['cells'] as unknown as CohortRows['cells'] },
    options,
  );
}

export const cohortPath: DataPath<CohortBuildOptions, CohortDoc> = {
  help: `  kpi-kit build cohort --orders <file> [--period day|week|month] [--measure customers|revenue]
      Acquisition cohorts: a customer's cohort is the period of their first qualifying order.`,
  flags: ['period', 'measure'],
  inputs: () => ['orders'],
  options: ({ flags, common }) => ({
    ...common,
    period: oneOf('period', flag(flags, 'period') ?? 'month', ['day', 'week', 'month']),
    measure: oneOf('measure', flag(flags, 'measure') ?? 'customers', ['customers', 'revenue']),
  }),
  memory: ([orders], o) => ({ doc: buildCohort(orders as OrderRow[], o), notes: [] }),
  sql: async (s, o) => ({ doc: await buildCohortSql(s, o), notes: [] }),
  recipe: (names, o) => cohortRecipe({ ...names, ...(o.period ? { period: o.period } : {}) }),
};
