// Whether she is taking a conversation herself right now (the next person, or a take-over). The server announces the conversation just before
// it acknowledges her take; a conversation that appears meanwhile is hers by her own click, not one given to
// her automatically, and calls for no alert.

let inFlight = 0;

export async function ownTake<T>(take: () => Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await take();
  } finally {
    inFlight -= 1;
  }
}

export const takingNext = (): boolean => inFlight > 0;
