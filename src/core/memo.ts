/** Recomputes a derived value only when one of its inputs changed (compared with `Object.is`). */
export class Memo<T> {
  #deps?: readonly unknown[];
  #value?: T;

  get(deps: readonly unknown[], compute: () => T): T {
    const prev = this.#deps;
    if (!prev || prev.length !== deps.length || deps.some((d, i) => !Object.is(d, prev[i]))) {
      this.#value = compute();
      this.#deps = deps;
    }
    return this.#value as T;
  }
}
