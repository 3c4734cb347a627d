// Snippet 2, live: data set as a property.
const sla = document.getElementById('sla') as (HTMLElement & { data: unknown }) | null;
if (sla) {
  void fetch('./data/regional-sla.states.json').then((r) => r.json()).then((doc) => { sla.data = doc; });
  sla.addEventListener('kpi-select', (e) => console.info('region', (e as CustomEvent).detail.id));
}
