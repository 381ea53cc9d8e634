// Automatic assignment: which available counselor gets the next waiting visitor. The least loaded one below
// her limit, so that work spreads evenly; between equals, the one who was given a conversation longest ago
// (never is longest), so that nobody is skipped again and again. The queue order (urgent first, then oldest)
// is the queue's own rule; the database applies it.

export interface CounselorLoad {
  id: string;
  /** Conversations she holds now. */
  active: number;
  /** How many she may hold at once. */
  limit: number;
  /** When she was last given a conversation, or null if never. */
  lastAssignedAt: Date | null;
}

const lastAssigned = (load: CounselorLoad) => load.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;

function before(a: CounselorLoad, b: CounselorLoad): boolean {
  if (a.active !== b.active) return a.active < b.active;
  if (lastAssigned(a) !== lastAssigned(b)) return lastAssigned(a) < lastAssigned(b);
  // A last, stable tie-break, so that every node would choose the same person.
  return a.id < b.id;
}

/** The counselor to give the next visitor to, or null when everyone is at her limit. */
export function chooseCounselor(candidates: readonly CounselorLoad[]): CounselorLoad | null {
  let chosen: CounselorLoad | null = null;
  for (const candidate of candidates) {
    if (candidate.active >= candidate.limit) continue;
    if (chosen === null || before(candidate, chosen)) chosen = candidate;
  }
  return chosen;
}
