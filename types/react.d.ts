/**
 * JSX typings for React 19: `import type {} from 'kpi-kit/react'` (or add it to
 * `compilerOptions.types`) and the kpi-kit elements type-check in TSX, with
 * their properties and `onkpi-select` / `onkpi-error` handlers.
 *
 * React 19 sets an object prop such as `data` as a property on custom elements
 * and wires `on<event-name>` props to custom events.
 *
 * Generated from custom-elements.json and src/registry.ts by scripts/generate.mjs: do not edit.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KpiErrorEvent, KpiSelectEvent } from '../dist/types/src/core/events.js';
import type { KpiFunnel } from '../dist/types/components/funnel/kpi-funnel.js';
import type { KpiCheckoutFriction } from '../dist/types/components/checkout-friction/kpi-checkout-friction.js';
import type { KpiCohortGrid } from '../dist/types/components/cohort-grid/kpi-cohort-grid.js';
import type { KpiRegionalSla } from '../dist/types/components/regional-sla/kpi-regional-sla.js';
import type { KpiChannelView } from '../dist/types/components/channel-view/kpi-channel-view.js';
import type { KpiForecast } from '../dist/types/components/forecast/kpi-forecast.js';
import type { KpiBoard, KpiBoardChangeDetail } from '../dist/types/components/board/kpi-board.js';

/** Attributes and properties every kpi-kit element takes in JSX. */
interface KpiProps<E> extends DetailedHTMLProps<HTMLAttributes<E>, E> {
  data?: E extends { data: infer D } ? D : unknown;
  src?: string;
  refresh?: number | string;
  timeout?: number | string;
  locale?: string;
  theme?: 'light' | 'dark';
  'onkpi-select'?: (event: KpiSelectEvent) => void;
  'onkpi-error'?: (event: KpiErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kpi-funnel': KpiProps<KpiFunnel> & {
        'percent-of'?: KpiFunnel['percentOf'];
        orientation?: KpiFunnel['orientation'];
        variant?: KpiFunnel['variant'];
        scale?: KpiFunnel['scale'];
        segment?: KpiFunnel['segment'];
        multiples?: KpiFunnel['multiples'];
        'no-insights'?: KpiFunnel['noInsights'];
        'no-export'?: KpiFunnel['noExport'];
      };
      'kpi-checkout-friction': KpiProps<KpiCheckoutFriction> & {
        breakdown?: KpiCheckoutFriction['breakdown'];
        'rank-by'?: KpiCheckoutFriction['rankBy'];
        'no-insights'?: KpiCheckoutFriction['noInsights'];
        'no-export'?: KpiCheckoutFriction['noExport'];
      };
      'kpi-cohort-grid': KpiProps<KpiCohortGrid> & {
        mode?: KpiCohortGrid['mode'];
        scale?: KpiCohortGrid['scale'];
        curve?: KpiCohortGrid['curve'];
        'no-insights'?: KpiCohortGrid['noInsights'];
        'no-export'?: KpiCohortGrid['noExport'];
      };
      'kpi-regional-sla': KpiProps<KpiRegionalSla> & {
        sort?: KpiRegionalSla['sort'];
        'sort-dir'?: KpiRegionalSla['sortDir'];
        filter?: KpiRegionalSla['filter'];
        grouped?: KpiRegionalSla['grouped'];
        'no-insights'?: KpiRegionalSla['noInsights'];
        'no-export'?: KpiRegionalSla['noExport'];
      };
      'kpi-channel-view': KpiProps<KpiChannelView> & {
        metric?: KpiChannelView['metric'];
        sort?: KpiChannelView['sort'];
        'sort-dir'?: KpiChannelView['sortDir'];
        'no-insights'?: KpiChannelView['noInsights'];
        'no-export'?: KpiChannelView['noExport'];
      };
      'kpi-forecast': KpiProps<KpiForecast> & {
        'no-insights'?: KpiForecast['noInsights'];
        'no-export'?: KpiForecast['noExport'];
      };
      'kpi-board': KpiProps<KpiBoard> & {
        'no-url-state'?: KpiBoard['noUrlState'];
        'no-export'?: KpiBoard['noExport'];
        manifest?: KpiBoard['manifest'];
        fetcher?: KpiBoard['fetcher'];
        'onkpi-board-change'?: (event: CustomEvent<KpiBoardChangeDetail>) => void;
      };
    }
  }
}
