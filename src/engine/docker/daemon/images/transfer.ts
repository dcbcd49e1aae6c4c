/**
 * The simulated network and disk under pull, push and BuildKit's fetches: layers download in
 * parallel (max-concurrent-downloads, sharing the bandwidth) and are unpacked one after the other
 * in layer order, in ticks of simulated time.
 */
import { shortId } from '../oci/encode';
import type { Digest, LayerBlob } from '../oci/types';
import type { NetworkModel } from './context';

export type TransferState = 'exists' | 'queued' | 'downloading' | 'downloaded';

export interface LayerTransfer {
  /** The short id pull output shows. */
  id: string;
  blob: LayerBlob;
  state: TransferState;
  /** Bytes downloaded. */
  offset: number;
  /** Unpacking: ms it takes, ms left, when it started (ms into the transfer), done. */
  extractTotal: number;
  extractLeft: number;
  extractStarted: number | undefined;
  committed: boolean;
}

/** One transfer per layer; layers already present need neither download nor unpacking. */
export function planTransfers(network: NetworkModel, layers: readonly LayerBlob[], present: (digest: Digest) => boolean): LayerTransfer[] {
  return layers.map((blob) => {
    const exists = present(blob.digest);
    const extract = exists ? 0 : Math.max(20, (blob.unpackedSize / network.unpackRate) * 1000);
    return {
      id: shortId(blob.digest),
      blob,
      state: exists ? 'exists' : 'queued',
      offset: 0,
      extractTotal: extract,
      extractLeft: extract,
      extractStarted: undefined,
      committed: exists,
    };
  });
}

/** The tick: moby's 100 ms, stretched for huge transfers so a pull stays within ~600 updates. */
export function tickFor(network: NetworkModel, transfers: readonly LayerTransfer[]): number {
  const bytes = transfers.reduce((n, t) => n + (t.state === 'exists' ? 0 : t.blob.size), 0);
  const unpack = transfers.reduce((n, t) => n + t.extractLeft, 0);
  const estimate = (bytes / network.downloadRate) * 1000 + unpack;
  return Math.max(network.tick, Math.ceil(estimate / 600 / network.tick) * network.tick);
}

/** Advances every transfer by one tick that ends `elapsed` ms into the transfer. */
export function advance(network: NetworkModel, transfers: readonly LayerTransfer[], tick: number, elapsed: number): void {
  const active = transfers.filter((t) => t.state === 'queued' || t.state === 'downloading').slice(0, network.concurrency);
  if (active.length > 0) {
    const share = (network.downloadRate * tick) / 1000 / active.length;
    for (const t of active) {
      t.state = 'downloading';
      t.offset = Math.min(t.blob.size, Math.round(t.offset + share));
      if (t.offset >= t.blob.size) t.state = 'downloaded';
    }
  }
  let budget = tick;
  for (const t of transfers) {
    if (t.committed) continue;
    if (t.state !== 'downloaded' || budget <= 0) break;
    if (t.extractStarted === undefined) t.extractStarted = elapsed;
    const used = Math.min(budget, t.extractLeft);
    t.extractLeft -= used;
    budget -= used;
    if (t.extractLeft <= 0) t.committed = true;
    else break;
  }
}
