// Admission work off the main thread, so the page and its quick exit stay responsive: search [0, maxNumber]
// for the number whose SHA-256(salt + number) is the target. Digests go in batches (one await per batch, not
// per attempt), which is what makes WebCrypto fast enough on a cheap phone.
const BATCH = 500;
const encoder = new TextEncoder();

self.onmessage = async ({ data }: MessageEvent<{ salt: string; target: string; maxNumber: number }>) => {
  const { salt, target, maxNumber } = data;
  const wanted = Uint8Array.from(target.match(/../g) ?? [], (hex) => Number.parseInt(hex, 16));
  const matches = (digest: ArrayBuffer) => new Uint8Array(digest).every((byte, i) => byte === wanted[i]);
  for (let start = 0; start <= maxNumber; start += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, maxNumber - start + 1) }, (_, i) => start + i);
    const digests = await Promise.all(numbers.map((n) => crypto.subtle.digest('SHA-256', encoder.encode(salt + n))));
    const found = digests.findIndex(matches);
    if (found >= 0) return postMessage(start + found);
  }
  postMessage(-1);
};
