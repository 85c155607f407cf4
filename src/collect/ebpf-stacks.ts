// From what the tracer printed to per-side allocation stacks: damage in its output noted, addresses
// symbolized per binary (from the file, so exited processes resolve too), stacks that symbolize
// alike added together per side and goroutine.
import type { EbpfPlan, EbpfSideTrace, EbpfStack } from '../model/ebpf.ts';
import type { Frame } from '../model/frame.ts';
import { SIDES, type SideName } from '../model/sides.ts';
import { formatDuration } from '../model/units.ts';
import { MAX_TRACE_FRAMES, type ParsedTrace, type RawRecord } from './ebpf-parse.ts';
import { PROBED_FUNCTION } from './ebpf-script.ts';
import { symbolize, which, type SymbolizerName } from './ebpf-symbolize.ts';
import type { Found, Target } from './ebpf-targets.ts';
import { MAP_KEYS_MAX } from './ebpf-tracer.ts';

/** Goroutines kept per stack (the largest by bytes). */
export const GOROUTINES_PER_STACK = 32;

type Note = (message: string) => void;
type Resolved = Map<Target, { frames: Map<bigint, Frame[]>; via: SymbolizerName }>;
type Aggregating = EbpfStack & { byGoid: Map<number, { samples: number; sampledBytes: number }> };

/** When the trace ran: from attach to stop, and when each side's process exited (null: it did not). */
export interface TraceSpan {
  startMs: number;
  stopMs: number;
  exitAt: Record<SideName, number | null>;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Notes what the tracer's output lost: unreadable lines, a cut entry, cut frames, a full map. */
export function noteOutputDamage(parsed: ParsedTrace, plan: EbpfPlan, note: Note): void {
  if (parsed.skipped > 0)
    note(
      `${parsed.skipped} line(s) of the eBPF tracer's output could not be read and were left out (first: ${JSON.stringify(parsed.firstSkipped)})`,
    );
  if (parsed.truncated) note("the eBPF tracer's output ended inside an entry; that entry is left out");
  if (parsed.framesCut > 0)
    note(
      `${parsed.framesCut} frame(s) beyond ${MAX_TRACE_FRAMES} per stack in the eBPF tracer's output were left out (the innermost ones are kept)`,
    );
  if (parsed.records.length >= MAP_KEYS_MAX * 0.98)
    note(
      `the eBPF tracer's map filled up (${MAP_KEYS_MAX} entries), so later stacks were not counted; lower --stack-depth${plan.mode === 'every' ? ' or raise --ebpf-sample-rate' : ''}`,
    );
}

function indexPids(found: Found): { sideOf: Map<number, SideName>; targetOf: Map<number, Target> } {
  const sideOf = new Map<number, SideName>();
  for (const side of SIDES) for (const pid of found.sidePids[side] ?? []) sideOf.set(pid, side);
  const targetOf = new Map<number, Target>();
  for (const t of found.targets) for (const pid of t.probe.pids) targetOf.set(pid, t);
  return { sideOf, targetOf };
}

/** Symbolizes every traced address, one batch per binary. */
function symbolizeTargets(
  records: readonly RawRecord[],
  sideOf: Map<number, SideName>,
  targetOf: Map<number, Target>,
): Resolved {
  const resolved: Resolved = new Map();
  const tools = { addr2line: which('addr2line'), go: which('go') };
  const byTarget = new Map<Target, RawRecord[]>();
  for (const r of records) {
    const t = targetOf.get(r.pid);
    if (!t || !sideOf.has(r.pid)) continue;
    byTarget.set(t, [...(byTarget.get(t) ?? []), r]);
  }
  for (const [t, list] of byTarget) {
    const addrs = list.flatMap((r) => r.frames.slice(1).map((f) => f.addr - (t.bias.get(r.pid) ?? 0n) - 1n));
    resolved.set(t, symbolize(t.binary, addrs, tools));
  }
  return resolved;
}

/** Adds up records by symbolized stack, per side (two raw stacks that symbolize alike are one). */
function aggregate(
  records: readonly RawRecord[],
  sideOf: Map<number, SideName>,
  targetOf: Map<number, Target>,
  resolved: Resolved,
  probed: string,
): Map<SideName, Map<string, Aggregating>> {
  const stacks = new Map<SideName, Map<string, Aggregating>>();
  for (const side of SIDES) stacks.set(side, new Map());
  for (const r of records) {
    const side = sideOf.get(r.pid);
    const t = targetOf.get(r.pid);
    if (!side || !t) continue;
    const symbols = resolved.get(t)!.frames;
    const bias = t.bias.get(r.pid) ?? 0n;
    const frames: Frame[] = [{ fn: probed, file: '', line: 0 }];
    for (const f of r.frames.slice(1)) {
      const found = symbols.get(f.addr - bias - 1n);
      frames.push(...(found?.length ? found : [{ fn: f.symbol ?? `0x${f.addr.toString(16)}`, file: '', line: 0 }]));
    }
    const key = frames.map((f) => `${f.fn} ${f.file}:${f.line}`).join('\n');
    const map = stacks.get(side)!;
    let s = map.get(key);
    if (!s) {
      s = { frames, samples: 0, sampledBytes: 0, goroutines: [], byGoid: new Map() };
      map.set(key, s);
    }
    s.samples += r.count;
    s.sampledBytes += r.total;
    const g = s.byGoid.get(r.goid) ?? { samples: 0, sampledBytes: 0 };
    g.samples += r.count;
    g.sampledBytes += r.total;
    s.byGoid.set(r.goid, g);
  }
  return stacks;
}

/** Each traced side's stacks, rates and span, from the tracer's parsed output; null for a side not traced. */
export function sideTraces(
  parsed: ParsedTrace,
  found: Found,
  plan: EbpfPlan,
  span: TraceSpan,
  note: Note,
): Record<SideName, EbpfSideTrace | null> {
  const sides: Record<SideName, EbpfSideTrace | null> = { baseline: null, gray: null };
  noteOutputDamage(parsed, plan, note);
  const { sideOf, targetOf } = indexPids(found);
  const resolved = symbolizeTargets(parsed.records, sideOf, targetOf);
  const stacks = aggregate(parsed.records, sideOf, targetOf, resolved, PROBED_FUNCTION[plan.mode]);
  const { startMs, stopMs } = span;
  for (const side of SIDES) {
    const pids = found.sidePids[side] ?? [];
    if (pids.length === 0) continue;
    const t = targetOf.get(pids[0])!;
    const exit = span.exitAt[side];
    const endMs = exit !== null && exit < stopMs ? Math.max(startMs, exit) : stopMs;
    if (exit !== null && exit < stopMs)
      note(
        `${side} exited ${formatDuration(Math.max(0, exit - startMs))} into the eBPF trace; its allocation rates cover that part only`,
      );
    const rates = pids.map((p) => parsed.rates.get(p)).filter(isNumber);
    const memProfileRate = plan.mode === 'sampled' ? (rates[0] ?? null) : null;
    if (plan.mode === 'sampled' && memProfileRate === 0)
      note(
        `${side} runs with runtime.MemProfileRate = 0 (heap sampling off), so the default eBPF mode cannot see its allocations; give --ebpf-mode every`,
      );
    const list: EbpfStack[] = [...stacks.get(side)!.values()]
      .map(({ byGoid, ...s }) => ({
        ...s,
        goroutines: [...byGoid]
          .map(([goid, g]) => ({ goid, ...g }))
          .sort((a, b) => b.sampledBytes - a.sampledBytes)
          .slice(0, GOROUTINES_PER_STACK),
      }))
      .sort((a, b) => b.sampledBytes - a.sampledBytes);
    if (list.length === 0 && memProfileRate !== 0)
      note(`the eBPF tracer recorded no allocation of ${side} in ${formatDuration(endMs - startMs)}`);
    const via = resolved.get(t)?.via;
    if (via === 'symtab' && list.length > 0)
      note(`no addr2line (binutils) nor go on PATH: ${side}'s allocation paths have function names without file:line`);
    sides[side] = {
      binary: t.probe.binary,
      goVersion: t.binary.goVersion,
      arch: t.probe.arch,
      pids,
      memProfileRate,
      startMs: Math.round(startMs),
      endMs: Math.round(endMs),
      stacks: list,
    };
  }
  return sides;
}
