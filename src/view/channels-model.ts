/** The channel view's view model: its view of the metric shown, worked out again when that or the document changes. */
import type { ChannelMetric, ChannelsDoc } from '../schema/channels.js';
import { channelsView, type ChannelsOptions, type ChannelsView } from './channels.js';
import { ViewModel } from './view-model.js';

export class ChannelsViewModel extends ViewModel {
  view(doc: ChannelsDoc, version: number, metric: ChannelMetric | undefined, o: ChannelsOptions): ChannelsView {
    return this.derive('view', [version, metric, o.locale], () => channelsView(doc, metric, o));
  }
}
