/**
 * A widget's view model: the values it derives from its document and its state (a filter, a sort, a segment, the
 * language), each worked out again only when one of its inputs changed (compared with `Object.is`). Each widget's
 * model (src/view/<kind>-model.ts) extends it, so elements ask their model and keep nothing derived themselves.
 */
export class ViewModel {
  readonly #derived = new Map<string, { inputs: readonly unknown[]; value: unknown }>();

  /** The value named `name` for these `inputs`: the last one when they are the same, else `compute()`. */
  protected derive<T>(name: string, inputs: readonly unknown[], compute: () => T): T {
    const last = this.#derived.get(name);
    if (last && last.inputs.length === inputs.length && inputs.every((x, i) => Object.is(x, last.inputs[i])))
      return last.value as T;
    const value = compute();
    this.#derived.set(name, { inputs, value });
    return value;
  }
}
