// Text forms of an allocation trace for other tools: flamegraph.pl's folded stacks and the seed's
// line form. Pure; the gate writes them into the bundle next to trace.json.
import type { EbpfSideTrace, EbpfTrace } from '../model/ebpf.ts';
import { SIDES } from '../model/sides.ts';
import { arrowPath, estimate, foldedPath, pathFrames } from './ebpf-paths.ts';

/** flamegraph.pl input: `root;...;leaf bytes`, estimated bytes, one line per path. */
export function foldedStacks(trace: EbpfTrace, side: EbpfSideTrace): string {
  const sums = new Map<string, number>();
  for (const stack of side.stacks) {
    const key = foldedPath(pathFrames(stack.frames, trace.stackDepth));
    sums.set(key, (sums.get(key) ?? 0) + estimate(stack, { ...trace, memProfileRate: side.memProfileRate }).bytes);
  }
  return [...sums]
    .filter(([, v]) => Math.round(v) > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${Math.round(v)}\n`)
    .join('');
}

/** The seed's line form: `BYTES GID root->...->leaf->mallocgc`, estimated bytes, per goroutine and path. */
export function lineForm(trace: EbpfTrace, side: EbpfSideTrace): string {
  const rows: [number, number, string][] = [];
  for (const stack of side.stacks) {
    const path = arrowPath(pathFrames(stack.frames, trace.stackDepth));
    const est = estimate(stack, { ...trace, memProfileRate: side.memProfileRate });
    const perByte = stack.sampledBytes > 0 ? est.bytes / stack.sampledBytes : 0;
    const listed = stack.goroutines.reduce((sum, g) => sum + g.sampledBytes, 0);
    for (const g of stack.goroutines) rows.push([g.sampledBytes * perByte, g.goid, path]);
    // Goroutines beyond the per-stack cap: their bytes under GID 0 rather than lost.
    if (stack.sampledBytes > listed) rows.push([(stack.sampledBytes - listed) * perByte, 0, path]);
  }
  return rows
    .filter(([b]) => Math.round(b) > 0)
    .sort((a, b) => b[0] - a[0])
    .map(([b, g, p]) => `${Math.round(b)} ${g} ${p}\n`)
    .join('');
}

/** Both text forms of every traced side. */
export function renderEbpfSides(
  trace: EbpfTrace,
): Record<(typeof SIDES)[number], { folded: string; lines: string } | null> {
  const out = { baseline: null, gray: null } as Record<
    (typeof SIDES)[number],
    { folded: string; lines: string } | null
  >;
  for (const side of SIDES) {
    const s = trace.sides[side];
    if (s) out[side] = { folded: foldedStacks(trace, s), lines: lineForm(trace, s) };
  }
  return out;
}
