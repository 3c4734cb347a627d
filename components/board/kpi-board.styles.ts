import { css } from 'lit';

export const boardStyles = css`
  :host { container: kpi-board / inline-size; }
  .board, .cell, .panel, .filters { display: grid; gap: var(--kpi-board-gap, calc(var(--_space) * 2)); }
  /* The widgets are the cards, on the board's own surface (its text stays readable on any page). */
  .board { border: 0; padding: var(--_space); background: var(--_surface-2); }
  .filters, .panel {
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='header'] { margin: 0; }
  .fields, .field, .chips { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: end; }
  .field { position: relative; }
  label, .picker { display: grid; gap: 2px; color: var(--_muted); }
  select, [type='date'], [type='search'], .pick {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_r-m);
    padding: 4px 8px;
    min-height: 2.4em;
    max-width: 100%;
  }
  .pick {
    display: flex;
    gap: var(--_space);
    justify-content: space-between;
    min-width: 9em;
    max-width: 18em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    cursor: pointer;
  }
  .panel { position: absolute; top: 100%; z-index: 5; width: min(20em, 90cqi); box-shadow: 0 6px 24px #0003; }
  ul { list-style: none; margin: 0; padding: 0; }
  .options { max-height: 16em; overflow: auto; }
  .option { display: flex; gap: var(--_space); align-items: center; padding: 3px 2px; color: var(--_text); }
  .option > :nth-child(2) { flex: 1; }
  .note, .count { color: var(--_muted); margin: 0; }
  .chip, .clear {
    border: 1px dashed var(--_border);
    border-radius: var(--_r-pill);
    padding: 3px 10px;
    cursor: pointer;
    text-align: start;
  }
  .chip { border-style: solid; background: color-mix(in srgb, var(--_accent) 12%, var(--_surface)); }
  .grid {
    display: grid;
    grid-template-columns: repeat(6, minmax(0, 1fr));
    gap: var(--kpi-board-gap, calc(var(--_space) * 2));
    align-items: start;
  }
  .cell { grid-column: span 6; min-width: 0; gap: 4px; }
  @container kpi-board (min-width: 720px) {
    [data-size='half'] { grid-column: span 3; }
    [data-size='third'] { grid-column: span 2; }
  }
  @media print {
    .filters, .note { display: none; }
    .grid { display: block; }
    .cell { break-inside: avoid; margin-bottom: 12px; }
  }
`;
