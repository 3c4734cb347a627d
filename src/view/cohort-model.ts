/**
 * The cohort grid's view model: the document's cohorts in the mode shown, and each cell's colours on the scale chosen,
 * each worked out only when what it depends on changed. `<kpi-cohort-grid>` holds one and asks it.
 */
import {
  computeCohort,
  shadeAverage,
  shadeCells,
  type CohortMode,
  type CohortModel,
  type CohortScaleMode,
} from '../compute/cohort.js';
import type { CohortDoc } from '../schema/cohort.js';
import { ViewModel } from './view-model.js';

/** A cell's colours: its background and the text colour that reads on it. */
export interface CellStyle {
  bg: string;
  fg: string;
}

/** Each cell's colours, and the average row's. */
export interface CohortStyles {
  cells: (CellStyle | null)[][];
  average: (CellStyle | null)[];
}

export class CohortViewModel extends ViewModel {
  /** The cohorts in `mode` (`version` says when the document changed). */
  model(doc: CohortDoc, version: number, mode: CohortMode): CohortModel {
    return this.derive('model', [version, mode], () => computeCohort(doc, mode));
  }

  /**
   * The cells' colours on `scale`, by `shade` (a shade of 0–1 to colours), from the theme's palette as it is at
   * `palette` (its version: a theme change paints again).
   */
  styles(
    model: CohortModel,
    scale: CohortScaleMode,
    palette: number,
    shade: () => (t: number | null) => CellStyle | null,
  ): CohortStyles {
    return this.derive('styles', [model, scale, palette], () => {
      const styleFor = shade();
      return {
        cells: shadeCells(model, scale).map((row) => row.map(styleFor)),
        average: shadeAverage(model, scale).map(styleFor),
      };
    });
  }
}
