// The messages of the steady state: each one sent, acknowledged (or refused, or timed out), then delivered to
// the other side with its latency, or still in flight; and the worst latency per slice of the steady state.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Answer } from './socket-clients.ts';
import { Counts, WorstPerSlice } from './stats.ts';

/** The length of a slice of the steady state's timelines. */
export const TIMELINE_SLICE_MS = 5_000;

/** When each side of a conversation last received a message from the other. */
interface LastDeliveries {
  lastToCounselor: number;
  lastToVisitor: number;
}

interface InFlight {
  at: number;
  pair: LastDeliveries;
  fromVisitor: boolean;
}

export class MessageLog {
  readonly sent = { visitor: 0, counselor: 0 };
  readonly latency = { toCounselor: [] as number[], toVisitor: [] as number[] };
  readonly ackLatency = { visitor: [] as number[], counselor: [] as number[] };
  readonly errors = new Counts();
  /** The worst delivery latency (both ways) of the messages sent in each slice of the steady state. */
  readonly worstLatency = new WorstPerSlice(TIMELINE_SLICE_MS);
  private readonly inFlight = new Map<string, InFlight>();
  private pendingAcks = 0;

  sending(clientId: string, message: InFlight) {
    this.inFlight.set(clientId, message);
    this.pendingAcks += 1;
    if (message.fromVisitor) this.sent.visitor += 1;
    else this.sent.counselor += 1;
  }

  acknowledged(message: InFlight, error: Error | null, answer?: Answer) {
    this.pendingAcks -= 1;
    if (error) this.errors.add('ack timeout');
    else if (!answer?.ok) this.errors.add(`ack ${answer?.error?.code ?? 'malformed'}`);
    else
      (message.fromVisitor ? this.ackLatency.visitor : this.ackLatency.counselor).push(performance.now() - message.at);
  }

  /** A message reached a visitor (toVisitor) or a counselor. */
  delivered(clientId: string, toVisitor: boolean) {
    const record = this.inFlight.get(clientId);
    // Each side also receives its own messages back; only the other side's copy counts.
    if (!record || record.fromVisitor === toVisitor) return;
    const now = performance.now();
    this.inFlight.delete(clientId);
    this.worstLatency.record(record.at, now - record.at);
    if (toVisitor) {
      this.latency.toVisitor.push(now - record.at);
      record.pair.lastToVisitor = now;
    } else {
      this.latency.toCounselor.push(now - record.at);
      record.pair.lastToCounselor = now;
    }
  }

  deliveredCount(): number {
    return this.latency.toCounselor.length + this.latency.toVisitor.length;
  }

  /** Waits at most `ms` for the messages and acknowledgements in flight; returns how many messages never came. */
  async drain(ms: number): Promise<number> {
    const deadline = performance.now() + ms;
    while ((this.inFlight.size > 0 || this.pendingAcks > 0) && performance.now() < deadline) await sleep(100);
    return this.inFlight.size;
  }
}
