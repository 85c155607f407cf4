// The tracer's part of the bundle: `ebpf/trace.json` (what analysis reads), per side the folded
// stacks (flamegraph.pl) and the seed's line form (rendered by analyze/ebpf-folded.ts and handed
// in: collecting never analyses), and the tracer's own script and raw output.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readInsideBundle } from './bundle-files.ts';
import { join } from 'node:path';
import { SIDES, type SideName } from '../model/sides.ts';
import { EBPF_DIR, EBPF_TRACE_SCHEMA, EbpfFile, type EbpfTrace } from '../model/ebpf.ts';

/** Per side, the folded stacks and the line form, as text. */
export type EbpfSideFiles = Record<SideName, { folded: string; lines: string } | null>;

/** Writes trace.json and the per-side files rendered from it; returns their paths relative to the bundle. */
export function writeEbpfFiles(bundleDir: string, trace: EbpfTrace, rendered: EbpfSideFiles): string[] {
  const dir = join(bundleDir, EBPF_DIR);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [EbpfFile.Trace];
  writeFileSync(join(dir, EbpfFile.Trace), JSON.stringify(trace) + '\n');
  for (const side of SIDES) {
    const text = rendered[side];
    if (!text) continue;
    writeFileSync(join(dir, EbpfFile.folded(side)), text.folded);
    writeFileSync(join(dir, EbpfFile.lines(side)), text.lines);
    files.push(EbpfFile.folded(side), EbpfFile.lines(side));
  }
  return files.map((f) => `${EBPF_DIR}/${f}`);
}

/** The trace of a bundle directory, or undefined when the run traced nothing. Damage becomes a warning. */
export function readEbpfTrace(bundleDir: string): EbpfTrace | undefined {
  const path = join(bundleDir, EBPF_DIR, EbpfFile.Trace);
  if (!existsSync(path)) return undefined;
  try {
    // Read only inside the bundle: a trace.json symlinked elsewhere is refused (and quoted by name only).
    const trace = JSON.parse(
      readInsideBundle(bundleDir, `${EBPF_DIR}/${EbpfFile.Trace}`).toString('utf8'),
    ) as EbpfTrace;
    if (trace?.schema !== EBPF_TRACE_SCHEMA)
      throw new Error(`schema "${trace?.schema}", expected "${EBPF_TRACE_SCHEMA}"`);
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
