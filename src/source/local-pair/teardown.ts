import type { Logger } from '../../model/logger.ts';

/** Tears down in reverse order of setup, whatever happened; collects what failed. */
export class Teardown {
  private readonly steps: { what: string; run: () => Promise<void> | void }[] = [];
  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }
  async run(logger: Logger): Promise<void> {
    for (const step of this.steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        logger.warn(`cleanup: ${step.what} failed: ${(error as Error).message}`);
      }
    }
    this.steps.length = 0;
  }
}
