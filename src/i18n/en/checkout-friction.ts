import { widgetStrings } from '../index.js';

/**
 * The English messages: the source of the keys every other language must have.
 * The other languages are beside it, in src/i18n/<language>/checkout-friction.ts, loaded when a page needs them.
 */
export const en = {
  /** The widget's name, said first with its title (its region's name). */
  name: 'Checkout friction',
  emptyCell: 'none',
  abandonment: 'Checkout abandonment',
  /** Said after a step's rate, for screen readers: what the percentage is. */
  stepRate: 'left at this step',
  abandonmentSub: {
    one: '{completed} of {count} shopper completed',
    other: '{completed} of {count} shoppers completed',
  },
  atRisk: 'Revenue at risk',
  atRiskSub: 'Biggest loss: {step}',
  flow: 'Checkout flow',
  step: 'Step',
  entered: 'Entered',
  exited: 'Left',
  rate: 'Abandonment',
  time: 'Median time',
  revenue: 'Revenue at risk',
  topLoss: 'Biggest loss',
  estimated: 'estimated: exits × average order value',
  given: 'reported by the store',
  // More reports than exits (so the reports are always plural); the form follows the exits.
  overCounted: {
    one: '{observations} friction reports for {count} exit: shoppers can hit several.',
    other: '{observations} friction reports for {count} exits: shoppers can hit several.',
  },
  map: 'Why shoppers leave',
  category: 'Category',
  causes: 'Top causes',
  rankBy: 'Rank by',
  byCount: 'Count',
  byRevenue: 'Revenue',
  breakdown: 'Breakdown',
  everyone: 'All shoppers',
  vsAll: '{delta} vs all',
  price: 'Price',
  payment: 'Payment',
  form: 'Form',
  account: 'Account',
  delivery: 'Delivery',
  trust: 'Trust',
  technical: 'Technical',
  other: 'Other',
  reports: { one: '{count} report', other: '{count} reports' },
  mapCaption: 'Frictions by step and category',
  flowCaption: 'Checkout flow: {title}',
  causeLine: '{step} · {category}',
} as const;

/** The English messages' type, which every other language's object is checked against. */
export type CheckoutFrictionEnglish = typeof en;

/** Built-in strings: English here, the other languages loaded on demand. */
export const checkoutStrings = widgetStrings('checkout-friction', en);

/** The messages a KpiCheckoutFriction can show (base ones included). */
export type CheckoutFrictionMessages = (typeof checkoutStrings)['en'];
