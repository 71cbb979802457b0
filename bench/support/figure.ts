/** One benchmark figure, printed as the JSON line `npm run bench` collects. */
export interface Figure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  /** The bar from the issue; `lowerIsBetter` says which side of it passes. */
  bar: number;
  lowerIsBetter: boolean;
}

export function report(figure: Figure): boolean {
  const ok = figure.lowerIsBetter ? figure.value <= figure.bar : figure.value >= figure.bar;
  const value = Math.round(figure.value * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: figure.bench,
      figure: figure.figure,
      value,
      unit: figure.unit,
      bar: figure.bar,
      ok,
    }),
  );
  return ok;
}

/** Median of samples (ms or ratios). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
