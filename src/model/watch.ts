// Watching: a run judged at several looks, stopped at the first that decides every rule.

/** The state of one look: decided (pass or block) or not yet. */
export type LookState = 'pass' | 'block' | 'undecided';

export interface Look {
  /** Window observed at this look (after warm-up), ms. */
  windowMs: number;
  state: LookState;
  /** One-sided error rates this look spent (of blocking, of passing, at the limit). */
  levels: { block: number; pass: number };
}

/** How a run watched: every look, the budget, and whether it stopped before the budget. */
export interface WatchRecord {
  /** The first look's window (--duration), ms. */
  firstLookMs: number;
  /** The budget (--max-duration), ms: the window of the last possible look. */
  budgetMs: number;
  looks: Look[];
  /** The verdict came before the budget was spent. */
  stoppedEarly: boolean;
}
