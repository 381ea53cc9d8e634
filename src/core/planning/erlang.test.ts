// The models against published vectors: the R package ErlangC's example, and pyworkforce's Erlang A test.
import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC, erlangCServiceLevel } from './erlang.ts';

describe('Erlang C', () => {
  // R package ErlangC: 10 Erlangs (intensity), 14 agents, AHT 180 s, target 20 s.
  const input = { arrivalRate: 10 / 180, handleTime: 180, servers: 14 };

  it('reproduces the R package ErlangC vector', () => {
    const result = erlangC(input);
    expect(result.load).toBeCloseTo(10, 10);
    expect(result.probabilityOfWait).toBeCloseTo(0.1741, 4);
    expect(result.meanWait).toBeCloseTo(7.8, 1);
    expect(erlangCServiceLevel(input, 20)).toBeCloseTo(0.888, 3);
  });

  it('has no finite answer once the load reaches the servers', () => {
    expect(erlangC({ ...input, servers: 10 })).toMatchObject({ stable: false, meanWait: Number.POSITIVE_INFINITY });
    expect(erlangCServiceLevel({ ...input, servers: 9 }, 20)).toBe(0);
  });

  it('agrees with Erlang B on its textbook value', () => {
    expect(erlangB(10, 14)).toBeCloseTo(0.0568, 4);
  });
});

describe('Erlang A', () => {
  // pyworkforce: 100 arrivals per 30 minutes, AHT 3 min, mean patience 5 min, 14 agents.
  const input = { arrivalRate: 100 / 30, handleTime: 3, servers: 14, patience: 5 };

  it('reproduces the pyworkforce vector', () => {
    const result = erlangA(input);
    expect(result.probabilityOfWait).toBeCloseTo(0.14526, 5);
    expect(result.probabilityOfAbandon).toBeCloseTo(0.013984, 6);
  });

  it('comes down to Erlang C as patience grows without end', () => {
    const patient = erlangA({ ...input, patience: 1e7 });
    const c = erlangC(input);
    expect(patient.probabilityOfWait).toBeCloseTo(c.probabilityOfWait, 4);
    expect(patient.meanWait).toBeCloseTo(c.meanWait, 3);
    expect(erlangA({ ...input, patience: Number.POSITIVE_INFINITY }).probabilityOfAbandon).toBe(0);
  });

  it('still answers when demand exceeds capacity: those not answered give up', () => {
    // Three times the load the counselors can carry: about two thirds cannot be answered.
    const over = erlangA({ arrivalRate: 3, handleTime: 30, servers: 30, patience: 10 });
    expect(over.load).toBe(90);
    expect(over.occupancy).toBeGreaterThan(0.99);
    expect(over.answered).toBeCloseTo(30 / 90, 1);
    expect(over.probabilityOfWait).toBeGreaterThan(0.99);
    // What is answered is what the servers can do: occupancy × servers / handle time per unit of time.
    expect(over.answered * 3).toBeCloseTo((over.occupancy * 30) / 30, 6);
  });

  it('keeps its books: arrivals answered equal the servers’ work', () => {
    for (const servers of [1, 5, 14, 40]) {
      const result = erlangA({ ...input, servers });
      expect(result.answered * input.arrivalRate).toBeCloseTo((result.occupancy * servers) / input.handleTime, 8);
    }
  });
});
