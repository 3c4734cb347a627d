// Appends one element of every registered element (the widgets and the board), loading a fixture by `src`,
// as a plain HTML page would.
// `<script type="module" src="/tests/frameworks/mount-all.js?fixture=first|last">`.
const which = new URL(import.meta.url).searchParams.get('fixture') ?? 'first';
const { ELEMENTS } = await import('/src/registry.ts');
for (const w of ELEMENTS) {
  const el = document.createElement(w.tag);
  // The board reads plain files (its static fixture), so it needs no server here.
  const last = which === 'last' || !('kind' in w);
  el.setAttribute('src', `/fixtures/${last ? w.fixtures[w.fixtures.length - 1] : w.fixtures[0]}`);
  document.body.append(el);
}
