// Stands in for engine.io-client's WebTransport transport, which Havre's server does not offer: the pages name
// only polling and WebSocket, and leave the unused transport (and its stream codecs) out of their bundles.
export class WT {
  constructor() {
    throw new Error('WebTransport is not offered by this server');
  }
}
