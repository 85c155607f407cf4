import type { Logger } from '../../model/logger.ts';

/** Tears down in reverse order of setup, whatever happened; collects what failed. */
export class Teardown {
  private readonly steps: { what: string; run: () => Promise<void> | void }[] = [];
  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }
  /** True when every step succeeded (the watchdog then has nothing left to do). */
  async run(logger: Logger): Promise<boolean> {
    let ok = true;
    for (const step of this.steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        ok = false;
        logger.warn(`cleanup: ${step.what} failed: ${(error as Error).message}`);
      }
    }
    this.steps.length = 0;
    return ok;
  }
}
