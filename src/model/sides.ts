/** The two builds memgate compares, in the order every report lists them. */
export type SideName = 'baseline' | 'gray';
export const SIDES: readonly SideName[] = ['baseline', 'gray'];
