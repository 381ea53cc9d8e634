// Solves admission work the way a script would (node:crypto, no phone pace): for tests and benchmarks.
import { createHash } from 'node:crypto';
import type { WorkChallengeView, WorkSolution } from '../../src/protocol/work.ts';

export function solveWork(challenge: WorkChallengeView): WorkSolution {
  for (let number = 0; number <= challenge.maxNumber; number += 1) {
    if (
      createHash('sha256')
        .update(challenge.salt + number)
        .digest('hex') === challenge.target
    ) {
      return { salt: challenge.salt, number, signature: challenge.signature };
    }
  }
  throw new Error('no number up to maxNumber solves this challenge');
}
