/**
 * The `checkout-friction` kind's data path: a checkout's steps and friction causes from events, in memory or on an
 * engine.
 */
import { checkEventName, checkoutRecipe } from '../sql.js';
import { runRecipe } from '../engines.js';
import type { CheckoutFrictionDoc } from '../../schema/checkout-friction.js';
import {
  assembleCheckoutFriction,
  buildCheckoutFriction,
  type CheckoutBuildOptions,
  type CheckoutRows,
  type EventRow,
  type FrictionRow,
} from '../events.js';
import {
  UsageError,
  asUsage,
  eventOptions,
  flag,
  reachOptions,
  reachRecipeRows,
  sourceContext,
  type DataPath,
  type SqlSource,
} from './common.js';

export async function buildCheckoutFrictionSql(
  s: SqlSource,
  options: CheckoutBuildOptions,
): Promise<CheckoutFrictionDoc> {
  const recipe = checkoutRecipe({
    ...sourceContext(s, options.tz),
    ...reachOptions(options),
    complete: options.complete,
  });
  const r = await runRecipe(s.engine, recipe);
  return assembleCheckoutFriction(
    {
      ...reachRecipeRows(r, options.steps.length + 1),
      frictions: r['frictions'] as unknown as CheckoutRows['frictions'],
      completions: r['completions'] as unknown as CheckoutRows['completions'],
    },
    options,
  );
}

export const checkoutFrictionPath: DataPath<CheckoutBuildOptions, CheckoutFrictionDoc> = {
  help: `  kpi-kit build checkout-friction --events <file> --frictions <file> --steps <event>,… --complete <event>
      [--window 30d] [--segment-by device|channel|region_id]
      Per step: actors entered and exited (did not reach the next step or the completion), the median
      time to the next step, frictions per cause; the average order value of the completion events.`,
  flags: ['steps', 'complete', 'segment-by', 'window', 'labels'],
  inputs: () => ['events', 'frictions'],
  options: (input) => {
    const reach = eventOptions(input, 1);
    const complete = flag(input.flags, 'complete');
    if (!complete)
      throw new UsageError('build checkout-friction needs --complete <event> (the completion event, e.g. purchase)');
    asUsage(() => checkEventName(complete, 'complete'));
    return { ...reach, complete };
  },
  memory: ([events, frictions], o) => ({
    doc: buildCheckoutFriction(events as EventRow[], frictions as FrictionRow[], o),
    notes: [],
  }),
  sql: async (s, o) => ({ doc: await buildCheckoutFrictionSql(s, o), notes: [] }),
  recipe: (names, o) => checkoutRecipe({ ...names, ...reachOptions(o), complete: o.complete }),
};
