// The tests' one pseudo-random generator: deterministic, so a fuzz failure replays from its seed.

/** Numbers in [0, 1) from `seed` (mulberry32: 32-bit state, fast, good enough for generating test input). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
