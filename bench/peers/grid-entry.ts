// The data grids a developer with thousands of regions would pick instead of kpi-regional-sla:
// AG Grid Community (virtualised rows) and Vaadin Grid (the web component a Lit user would pick).
// Same rows and columns as the widget: region, group, volume, and per metric median, P90 and the
// share within target. Loaded only by the pages of these sides.
import { AllCommunityModule, ModuleRegistry, createGrid, type ColDef, type GridApi } from 'ag-grid-community';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import type { RegionalSlaDoc } from '../../src/index.js';
import { fold } from '../page/data.js';

ModuleRegistry.registerModules([AllCommunityModule]);

export type Row = Record<string, string | number | null>;

/** One flat row per region, as a grid wants it. */
export function gridRows(doc: RegionalSlaDoc): Row[] {
  return doc.regions.map((r) => {
    const row: Row = { label: r.label, id: r.id, group: r.group ?? '', volume: r.volume ?? null };
    for (const m of doc.metrics) {
      const v = r.values[m.id];
      row[`${m.id}_p50`] = v?.p50 ?? null;
      row[`${m.id}_p90`] = v?.p90 ?? null;
      row[`${m.id}_within`] = v && v.total ? v.withinTarget / v.total : null;
    }
    return row;
  });
}

const columns = (doc: RegionalSlaDoc) => [
  { field: 'label', header: 'Region' },
  { field: 'group', header: 'Group' },
  { field: 'volume', header: 'Volume' },
  ...doc.metrics.flatMap((m) => [
    { field: `${m.id}_p50`, header: `Median · ${m.label}` },
    { field: `${m.id}_p90`, header: `P90 · ${m.label}` },
    { field: `${m.id}_within`, header: `Within target · ${m.label}` },
  ]),
];

export function agGrid(div: HTMLElement, doc: RegionalSlaDoc, ready: () => void): GridApi<Row> {
  // Its quick filter matches what the widget's filter matches: the region's name or code, accents and case ignored
  // (by default it would search every column's text as it is, and "agua" would find no "Água Branca").
  const columnDefs: ColDef<Row>[] = columns(doc).map((c) => ({
    field: c.field,
    headerName: c.header,
    sortable: true,
    getQuickFilterText: c.field === 'label' ? (p) => fold(`${p.data?.label} ${p.data?.id}`) : () => '',
  }));
  return createGrid<Row>(div, { columnDefs, rowData: gridRows(doc), animateRows: false, onFirstDataRendered: ready });
}

export function vaadinGrid(div: HTMLElement, doc: RegionalSlaDoc): HTMLElement & { items: Row[] } {
  const grid = document.createElement('vaadin-grid') as HTMLElement & { items: Row[] };
  grid.style.height = '100%';
  for (const c of columns(doc)) {
    const col = document.createElement('vaadin-grid-sort-column') as HTMLElement & { path: string; header: string };
    col.path = c.field;
    col.header = c.header;
    grid.append(col);
  }
  div.append(grid);
  grid.items = gridRows(doc);
  return grid;
}
