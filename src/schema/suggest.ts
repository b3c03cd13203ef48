/** "Did you mean" suggestions by edit distance. */

/** Levenshtein distance, giving up (returning limit + 1) once every path exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate within a distance proportional to the name's length (at least 2); ties go to the smaller name. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 4));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(name, c, bestD);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  if (best !== undefined && bestD <= limit) return best;
  // Nothing close by edits: a name that only adds or drops whole words (`visibility_timeout` → `visibility_timeout_seconds`).
  const affix = candidates
    .filter((c) => c !== name && (c.startsWith(`${name}_`) || c.endsWith(`_${name}`) || name.startsWith(`${c}_`) || name.endsWith(`_${c}`)))
    .filter((c) => c.length >= 4)
    .sort((x, y) => Math.abs(x.length - name.length) - Math.abs(y.length - name.length) || (x < y ? -1 : x > y ? 1 : 0));
  return affix[0];
}
