// Did-you-mean for mistyped commands and options: pure, so it is tested with plain strings.

/**
 * Optimal string alignment distance: insertions, deletions, substitutions, and a swap of two
 * neighbours as one edit (the usual typo: `rnu` is one edit from `run`, not two).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidates `word` was most likely meant to be, closest first: those within a quarter of the
 * word's length in edits (at least one), or the one candidate it is the start of (`--dur`). Empty
 * when nothing is close: a wild guess is worse than none.
 */
export function suggest(word: string, candidates: readonly string[]): string[] {
  const typed = word.toLowerCase();
  if (!typed) return [];
  // Bounded so a pasted paragraph costs nothing.
  if (typed.length > 64) return [];
  const limit = Math.max(1, Math.floor(typed.length / 4));
  // The word itself is no suggestion; the same word in other case is (commands are lower case).
  const scored = candidates
    .filter((c) => c !== word)
    .map((c) => ({ c, d: editDistance(typed, c.toLowerCase()) }))
    .filter(({ d }) => d <= limit);
  if (scored.length) {
    const best = Math.min(...scored.map(({ d }) => d));
    return scored.filter(({ d }) => d === best).map(({ c }) => c);
  }
  const extended = candidates.filter((c) => typed.length >= 2 && c.toLowerCase().startsWith(typed) && c !== word);
  return extended.length === 1 ? extended : [];
}

/** ` Did you mean X?` / ` Did you mean X or Y?` (with a leading space), or '' when there is no suggestion. */
export function didYouMean(
  word: string,
  candidates: readonly string[],
  show: (candidate: string) => string = (c) => c,
): string {
  const found = suggest(word, candidates).slice(0, 3).map(show);
  if (!found.length) return '';
  return ` Did you mean ${found.length === 1 ? found[0] : `${found.slice(0, -1).join(', ')} or ${found.at(-1)}`}?`;
}
