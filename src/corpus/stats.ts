/** Agreement statistics between computed and recorded scores. */

export interface Agreement {
  n: number;
  withinOne: number;
  mae: number;
  /** MAE of the best constant guess (the median of the recorded scores). */
  constantMae: number;
  constant: number;
  spearman: number | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Average ranks (ties share the mean rank). */
function ranks(xs: number[]): number[] {
  const idx = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]!.x === idx[i]!.x) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]!.i] = avg;
    i = j + 1;
  }
  return r;
}

export function spearman(a: number[], b: number[]): number | null {
  if (a.length < 3) return null;
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? null : num / Math.sqrt(da * db);
}

export function agreement(pairs: { computed: number; recorded: number }[]): Agreement {
  const n = pairs.length;
  if (!n) return { n, withinOne: 0, mae: 0, constantMae: 0, constant: 0, spearman: null };
  const recorded = pairs.map((p) => p.recorded);
  const constant = median(recorded);
  return {
    n,
    withinOne: pairs.filter((p) => Math.abs(p.computed - p.recorded) <= 1).length / n,
    mae: pairs.reduce((s, p) => s + Math.abs(p.computed - p.recorded), 0) / n,
    constantMae: recorded.reduce((s, r) => s + Math.abs(r - constant), 0) / n,
    constant,
    spearman: spearman(
      pairs.map((p) => p.computed),
      recorded,
    ),
  };
}
