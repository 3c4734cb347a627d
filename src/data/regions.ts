/**
 * Brazil's states as regions: the UF table (name and IBGE macro-region) that the Olist adapter,
 * the CSV import and the SLA builder share. Pure and DOM-free.
 */
import { foldName } from './csv.js';

/** Brazil's states: UF → name and macro-region (IBGE), for `region_label` and `region_group`. */
export const STATES: Record<string, [string, string]> = Object.fromEntries(
  (
    [
      ['Norte', 'AC Acre|AM Amazonas|AP Amapá|PA Pará|RO Rondônia|RR Roraima|TO Tocantins'],
      [
        'Nordeste',
        'AL Alagoas|BA Bahia|CE Ceará|MA Maranhão|PB Paraíba|PE Pernambuco|PI Piauí|RN Rio Grande do Norte|SE Sergipe',
      ],
      ['Centro-Oeste', 'DF Distrito Federal|GO Goiás|MS Mato Grosso do Sul|MT Mato Grosso'],
      ['Sudeste', 'ES Espírito Santo|MG Minas Gerais|RJ Rio de Janeiro|SP São Paulo'],
      ['Sul', 'PR Paraná|RS Rio Grande do Sul|SC Santa Catarina'],
    ] as const
  ).flatMap(([region, states]) => states.split('|').map((s) => [s.slice(0, 2), [s.slice(3), region]])),
);

/** A Brazilian state (`SP`, `sp`, `São Paulo`) as its canonical region fields; null when it is not one. */
export function brazilianState(
  value: string,
): { region_id: string; region_label: string; region_group: string } | null {
  const v = foldName(value);
  const uf = Object.keys(STATES).find(
    (k) => k.toLowerCase() === v || foldName(STATES[k]![0]) === v || `br_${k.toLowerCase()}` === v,
  );
  return uf ? { region_id: `BR-${uf}`, region_label: STATES[uf]![0], region_group: STATES[uf]![1] } : null;
}
