/** The checkout's view model: its flow and its friction map, worked out once per document. */
import { computeCheckout, frictionMap, type FlowModel } from '../compute/checkout-friction.js';
import type { CheckoutFrictionDoc } from '../schema/checkout-friction.js';
import { ViewModel } from './view-model.js';

export class CheckoutViewModel extends ViewModel {
  /** Entered, exited and carried on, per step. */
  flow(doc: CheckoutFrictionDoc, version: number): FlowModel {
    return this.derive('flow', [version], () => computeCheckout(doc));
  }

  /** The frictions by step and category. */
  map(doc: CheckoutFrictionDoc, version: number): ReturnType<typeof frictionMap> {
    return this.derive('map', [version], () => frictionMap(doc));
  }
}
