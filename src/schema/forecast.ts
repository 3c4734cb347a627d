import * as z from 'zod/mini';
import {
  addIssue,
  anyNumber,
  arrayOf,
  currency,
  expected,
  headerFields,
  isoDate,
  kindLiteral,
  label,
  money,
  numberIn,
  version,
  type Ctx,
  checkCurrency,
} from './common.js';

export const FORECAST_FORMATS = ['currency', 'integer', 'number', 'percent'] as const;
export const GRANULARITIES = ['day', 'week', 'month', 'quarter'] as const;
/** `ETS_CODES` of src/compute/ets.ts, written out: the schema must not pull the model code into every bundle. */
export const FORECAST_MODELS = [
  'auto',
  'none',
  'naive',
  'seasonal-naive',
  'ANN',
  'AAN',
  'AAdN',
  'ANA',
  'AAA',
  'AAdA',
  'MNM',
  'MAM',
  'MAdM',
] as const;

const DAY = 86_400_000;

/**
 * The index of the period that holds the day `day` (days since 1970-01-01), counted
 * from 1970: days, ISO weeks (Monday first), months or quarters. Consecutive periods
 * have consecutive indexes; a date starts its period when the day before is in another.
 */
export function periodIndex(day: number, granularity: (typeof GRANULARITIES)[number]): number {
  if (granularity === 'day') return day;
  if (granularity === 'week') return Math.floor((day + 3) / 7);
  const d = new Date(day * DAY);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return granularity === 'month' ? month : Math.floor(month / 3);
}
const dayOf = (date: string) => Date.parse(date) / DAY;

export const forecastPointSchema = z.object(
  {
    /** The period's first day. */
    period: isoDate,
    /** `null` or missing: no data (a gap, never 0). */
    actual: z.optional(z.nullable(anyNumber)),
    target: z.optional(z.nullable(anyNumber)),
    /** The period is still running (at most one: the last with an actual). */
    partial: z.optional(z.boolean(expected('true or false'))),
    /** The backend's own forecast for the period. */
    forecast: z.optional(
      z.object({ value: anyNumber, lower: anyNumber, upper: anyNumber }, expected('a forecast object')),
    ),
  },
  expected('a point object'),
);

export const forecastSchema = z
  .object(
    {
      kind: kindLiteral('forecast'),
      version,
      ...headerFields,
      currency: z.optional(currency),
      metric: z.object(
        {
          label,
          format: z.literal(FORECAST_FORMATS, expected('"currency", "integer", "number" or "percent"')),
          better: z.optional(z.literal(['higher', 'lower'], expected('"higher" or "lower"'))),
        },
        expected('a metric object'),
      ),
      granularity: z.literal(GRANULARITIES, expected('"day", "week", "month" or "quarter"')),
      seasonLength: z.optional(numberIn('an integer from 1 to 366', 1, 366, '', true)),
      points: arrayOf(forecastPointSchema, 'points', 1),
      forecast: z.optional(
        z.object(
          {
            horizon: z.optional(numberIn('an integer from 0 to 1000', 0, 1000, '', true)),
            level: z.optional(numberIn('a level from 0.5 to 0.99', 0.5, 0.99, '')),
            model: z.optional(
              z.literal(FORECAST_MODELS, expected(`one of ${FORECAST_MODELS.map((m) => `"${m}"`).join(', ')}`)),
            ),
          },
          expected('a forecast settings object'),
        ),
      ),
      pacing: z.optional(
        z.object(
          {
            asOf: isoDate,
            days: arrayOf(z.object({ date: isoDate, actual: z.nullable(anyNumber) }, expected('a day object')), 'days'),
          },
          expected('a pacing object'),
        ),
      ),
      pipeline: z.optional(
        z.object(
          {
            quota: money,
            closed: money,
            commit: money,
            bestCase: money,
            open: money,
          },
          expected('a pipeline object'),
        ),
      ),
    },
    expected('a forecast document (an object)'),
  )
  .check(
    z.superRefine((doc, ctx) => {
      const c = ctx as unknown as Ctx;
      const g = doc.granularity;
      const index = (date: string) => periodIndex(dayOf(date), g);
      let partial = -1;
      let lastActual = -1;
      doc.points.forEach((p, i) => {
        // Each against the one before: a missing period is one problem, not one per later point.
        const day = dayOf(p.period);
        const prev = doc.points[i - 1]?.period;
        if (periodIndex(day - 1, g) === periodIndex(day, g))
          addIssue(
            c,
            ['points', i, 'period'],
            `expected the first day of a ${g}${g === 'week' ? ' (a Monday)' : ''}, got ${p.period}`,
            p.period,
          );
        else if (prev && index(p.period) !== index(prev) + 1)
          addIssue(
            c,
            ['points', i, 'period'],
            `expected the ${g} after ${prev} (points in order, one per ${g}, no gaps), got ${p.period}`,
            p.period,
          );
        if (p.actual !== undefined && p.actual !== null) lastActual = i;
        if (p.partial) {
          if (partial >= 0)
            addIssue(
              c,
              ['points', i, 'partial'],
              `expected one partial period at most, got a second (the first is points[${partial}])`,
              true,
            );
          partial = i;
          if (p.actual === undefined || p.actual === null)
            addIssue(c, ['points', i, 'actual'], "expected the running period's actual so far, got nothing", p.actual);
        }
        const f = p.forecast;
        if (f && !(f.lower <= f.value && f.value <= f.upper))
          addIssue(
            c,
            ['points', i, 'forecast'],
            `expected lower ≤ value ≤ upper, got ${f.lower}, ${f.value}, ${f.upper}`,
          );
      });
      if (partial >= 0 && lastActual > partial)
        addIssue(
          c,
          ['points', partial, 'partial'],
          `expected the partial period to be the last with an actual, but points[${lastActual}] has one`,
          true,
        );
      if (doc.pacing) {
        const p = doc.pacing;
        if (partial < 0) addIssue(c, ['pacing'], 'expected a point with "partial": true to pace, got none');
        else {
          const start = doc.points[partial]!.period;
          if (p.asOf < start || index(p.asOf) !== index(start))
            addIssue(
              c,
              ['pacing', 'asOf'],
              `expected a day of the running period (the ${g} from ${start}), got ${p.asOf}`,
              p.asOf,
            );
        }
        // The first day out of order only: a reversed list is one problem.
        const i = p.days.findIndex((d, k) => k > 0 && p.days[k - 1]!.date >= d.date);
        if (i > 0)
          addIssue(
            c,
            ['pacing', 'days', i, 'date'],
            `expected a date after ${p.days[i - 1]!.date} (days in order, no repeats), got ${p.days[i]!.date}`,
            p.days[i]!.date,
          );
      }
      checkCurrency(
        c,
        doc,
        doc.pipeline
          ? 'the document has a pipeline'
          : doc.metric.format === 'currency' && 'metric.format is "currency"',
      );
    }),
  );

export type ForecastDoc = z.infer<typeof forecastSchema>;
export type ForecastDocPoint = z.infer<typeof forecastPointSchema>;

/**
 * True when there is nothing to draw: no actual and no forecast anywhere. Here, with the document, because
 * the widget asks it before the forecast engine (which brings the view model) has loaded.
 */
export function forecastIsEmpty(doc: ForecastDoc): boolean {
  return !doc.points.some((p) => p.actual != null || p.forecast);
}
