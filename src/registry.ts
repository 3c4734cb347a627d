/**
 * The one list of widgets. Tests, test pages, the demo, the build and the
 * package metadata (`npm run build` writes `exports`, `sideEffects` and
 * `typesVersions` from it, and `types/react.d.ts` from the manifest) read this
 * list; nothing else names every widget. Adding a widget is its own files
 * (see "Adding a widget" in CONTRIBUTING.md) plus one entry here.
 *
 * Side-effect free and free of Lit and the DOM: Node scripts load it too.
 */
import type { KpiKind } from './kinds/all.js';

export interface WidgetEntry {
  /** The KPI document kind the widget draws. */
  readonly kind: KpiKind;
  /** The custom element's tag. */
  readonly tag: `kpi-${string}`;
  /**
   * `components/<folder>/` holds `kpi-<folder>.ts`, `.styles.ts`, `strings.ts` and `define.ts`; also the npm subpath
   * `kpi-kit/<folder>`.
   */
  readonly folder: string;
  /** The element class exported from `components/<folder>/kpi-<folder>.ts`. */
  readonly className: string;
  /** Fixture file names (in `demo/public/data`), the first one the default. */
  readonly fixtures: readonly [string, ...string[]];
  /** Fixtures with Portuguese labels, by the English fixture they translate. */
  readonly portuguese?: Readonly<Record<string, string>>;
  /** The demo gives it the page's whole width. */
  readonly wide?: boolean;
}

const LIST = [
  {
    kind: 'funnel',
    tag: 'kpi-funnel',
    folder: 'funnel',
    className: 'KpiFunnel',
    fixtures: ['funnel.fulfilment.json', 'funnel.leads.json'],
    portuguese: { 'funnel.fulfilment.json': 'funnel.fulfilment.pt-BR.json' },
  },
  {
    kind: 'checkout-friction',
    tag: 'kpi-checkout-friction',
    folder: 'checkout-friction',
    className: 'KpiCheckoutFriction',
    fixtures: ['checkout-friction.modelled.json'],
    wide: true,
  },
  {
    kind: 'cohort',
    tag: 'kpi-cohort-grid',
    folder: 'cohort-grid',
    className: 'KpiCohortGrid',
    fixtures: ['cohort.monthly-customers.json', 'cohort.monthly-revenue.json'],
    wide: true,
  },
  {
    kind: 'regional-sla',
    tag: 'kpi-regional-sla',
    folder: 'regional-sla',
    className: 'KpiRegionalSla',
    fixtures: ['regional-sla.states.json'],
    portuguese: { 'regional-sla.states.json': 'regional-sla.states.pt-BR.json' },
    wide: true,
  },
  {
    kind: 'channels',
    tag: 'kpi-channel-view',
    folder: 'channel-view',
    className: 'KpiChannelView',
    fixtures: ['channels.omnichannel.modelled.json', 'channels.leads.json'],
    wide: true,
  },
  {
    kind: 'forecast',
    tag: 'kpi-forecast',
    folder: 'forecast',
    className: 'KpiForecast',
    fixtures: [
      'forecast.monthly-revenue.json',
      'forecast.daily-revenue.json',
      'forecast.weekly-provided.json',
      'forecast.pipeline.modelled.json',
    ],
    wide: true,
  },
] as const satisfies readonly WidgetEntry[];

/** Every widget, in the order pages and the demo show them. */
export const WIDGETS: readonly WidgetEntry[] = LIST;

/** Fails the type check when a kind of the contract has no widget. */
type MissingKinds = Exclude<KpiKind, (typeof LIST)[number]['kind']>;
const everyKind: [MissingKinds] extends [never] ? true : MissingKinds = true;
void everyKind;

export type WidgetTag = (typeof LIST)[number]['tag'];

/** The widget of each kind. */
export const WIDGET = Object.fromEntries(WIDGETS.map((w) => [w.kind, w])) as unknown as Record<KpiKind, WidgetEntry>;

/** Every fixture file of every widget (English and Portuguese), sorted. */
export const FIXTURE_FILES: readonly string[] = WIDGETS.flatMap((w) => [
  ...w.fixtures,
  ...Object.values(w.portuguese ?? {}),
]).sort();

/** A valid document of another kind than `kind`'s (the next widget's default fixture), for "wrong kind" tests. */
export function otherKindFixture(kind: KpiKind): string {
  const i = WIDGETS.findIndex((w) => w.kind === kind);
  return WIDGETS[(i + 1) % WIDGETS.length]!.fixtures[0];
}

/** An element of the kit that is not one kind's widget: the board. */
export interface ElementEntry {
  readonly tag: `kpi-${string}`;
  /** `components/<folder>/` holds `kpi-<folder>.ts`, `.styles.ts` and `define.ts`; also the npm subpath. */
  readonly folder: string;
  readonly className: string;
  /** Example manifests (in `demo/public/data`), the first one the JSON Schema's example. */
  readonly fixtures: readonly [string, ...string[]];
}

/**
 * `<kpi-board>`: a dashboard of the widgets above from one manifest (contract kind `board`), with shared filters.
 * Built, packaged and documented like a widget; it draws no KPI kind of its own.
 */
export const BOARD = {
  tag: 'kpi-board',
  folder: 'board',
  className: 'KpiBoard',
  fixtures: ['board.demo.json', 'board.static.json'],
} as const satisfies ElementEntry;

/** Every element of the kit, in the order pages list them: the widgets, then the board. */
export const ELEMENTS: readonly (WidgetEntry | ElementEntry)[] = [...WIDGETS, BOARD];

/** One value per kind, from each kind's widget: `byKind((w) => w.tag)`. */
export function byKind<T>(pick: (w: WidgetEntry) => T): Record<KpiKind, T> {
  return Object.fromEntries(WIDGETS.map((w) => [w.kind, pick(w)])) as Record<KpiKind, T>;
}
