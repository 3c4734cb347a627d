// The peer a developer would pick instead: ECharts 6, tree-shaken to what the scenarios draw.
import * as echarts from 'echarts/core';
import { FunnelChart, HeatmapChart, BarChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  TitleComponent,
  LegendComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

/** Registers the charts, components and renderers the scenarios use (called by the page, so bundlers keep it). */
export function setupECharts(): typeof echarts {
  echarts.use([
    FunnelChart,
    HeatmapChart,
    BarChart,
    GridComponent,
    TooltipComponent,
    VisualMapComponent,
    TitleComponent,
    LegendComponent,
    CanvasRenderer,
    SVGRenderer,
  ]);
  return echarts;
}
