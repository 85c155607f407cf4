/** A problem with what the user gave us: reported as one clear line naming the fix, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
