// Appends one element of every registered widget, loading a fixture by `src`, as a plain HTML page would.
// `<script type="module" src="/tests/frameworks/mount-all.js?fixture=first|last">`.
const which = new URL(import.meta.url).searchParams.get('fixture') ?? 'first';
const { WIDGETS } = await import('/src/registry.ts');
for (const w of WIDGETS) {
  const el = document.createElement(w.tag);
  el.setAttribute('src', `/fixtures/${which === 'last' ? w.fixtures[w.fixtures.length - 1] : w.fixtures[0]}`);
  document.body.append(el);
}
