// The tracer's part of the bundle: `ebpf/trace.json` (what analysis reads), per side the folded
// stacks (flamegraph.pl) and the seed's line form, and the tracer's own script and raw output.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIDES, type SideName } from '../model/sides.ts';
import { EBPF_DIR, EBPF_TRACE_SCHEMA, EbpfFile, type EbpfSideTrace, type EbpfTrace } from '../model/ebpf.ts';
import { arrowPath, estimate, foldedPath, pathFrames } from '../analyze/ebpf-paths.ts';

/** flamegraph.pl input: `root;...;leaf bytes`, estimated bytes, one line per path. */
export function foldedStacks(trace: EbpfTrace, side: EbpfSideTrace): string {
  const sums = new Map<string, number>();
  for (const stack of side.stacks) {
    const key = foldedPath(pathFrames(stack.frames, trace.stackDepth));
    sums.set(key, (sums.get(key) ?? 0) + estimate(stack, { ...trace, memProfileRate: side.memProfileRate }).bytes);
  }
  return [...sums].filter(([, v]) => Math.round(v) > 0).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${Math.round(v)}\n`).join('');
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
  return rows.filter(([b]) => Math.round(b) > 0).sort((a, b) => b[0] - a[0]).map(([b, g, p]) => `${Math.round(b)} ${g} ${p}\n`).join('');
}

/** Writes trace.json and the derived per-side files; returns their paths relative to the bundle. */
export function writeEbpfTrace(bundleDir: string, trace: EbpfTrace): string[] {
  const dir = join(bundleDir, EBPF_DIR);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [EbpfFile.Trace];
  writeFileSync(join(dir, EbpfFile.Trace), JSON.stringify(trace) + '\n');
  for (const side of SIDES) {
    const s = trace.sides[side];
    if (!s) continue;
    writeFileSync(join(dir, EbpfFile.folded(side)), foldedStacks(trace, s));
    writeFileSync(join(dir, EbpfFile.lines(side)), lineForm(trace, s));
    files.push(EbpfFile.folded(side), EbpfFile.lines(side));
  }
  return files.map((f) => `${EBPF_DIR}/${f}`);
}

/** The trace of a bundle directory, or undefined when the run traced nothing. Damage becomes a warning. */
export function readEbpfTrace(bundleDir: string): EbpfTrace | undefined {
  const path = join(bundleDir, EBPF_DIR, EbpfFile.Trace);
  if (!existsSync(path)) return undefined;
  try {
    const trace = JSON.parse(readFileSync(path, 'utf8')) as EbpfTrace;
    if (trace?.schema !== EBPF_TRACE_SCHEMA) throw new Error(`schema "${trace?.schema}", expected "${EBPF_TRACE_SCHEMA}"`);
    for (const side of SIDES) trace.sides[side as SideName] ??= null;
    trace.warnings ??= [];
    return trace;
  } catch (error) {
    return {
      schema: EBPF_TRACE_SCHEMA,
      mode: 'sampled',
      sampleRate: 1,
      stackDepth: 8,
      tracer: 'unknown',
      sides: { baseline: null, gray: null },
      warnings: [`the eBPF trace ${path} is unreadable (${(error as Error).message}); no allocation paths`],
    };
  }
}
