// The eBPF cost guard: before the tracer attaches, what its probe would cost each side's service, and
// whether that side is traced. A uprobe hit is a trap into the kernel, ~10-40 µs of the service's CPU
// on a 2-core VM (PROBE_HIT_COST_US), most of it the trap itself, so the cost is the hit rate,
// and the hit rate is the service's allocation rate over its MemProfileRate (sampled mode) or its
// allocation count (every mode). Recording less in the kernel does not buy it back: the trap is the cost.
//
// Where the allocation rate comes from: a heap profile fetched right before attaching (without gc=1:
// nothing is forced), whose alloc_space / alloc_objects totals count since the process started,
// divided by the process's age. Chosen over counting probe hits for a first second because it costs
// the service nothing (no trap), needs no second bpftrace start (seconds of compile and attach on a
// busy runner, taken from the window), and gives the period the profile samples at. Its error: it is
// an average since start, so a service that idled before its load began is underestimated by the idle
// share (the warm-up, 10 s by default, is loaded; a Go service starts in well under a second), and a
// profile reflects the last completed GC (an allocation-heavy service collects many times a second).
// Without a profile (--pprof off, no {port}, the fetch failed) the side is traced as before, and the
// hits the tracer counted give the cost afterwards, with a warning when it was over the budget.
import type { EbpfCostEstimate, EbpfMode, EbpfSwitch } from '../model/ebpf.ts';
import type { SideName } from '../model/sides.ts';
import { formatBytes } from '../model/units.ts';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { fetchProfile } from './pprof-fetch.ts';

/**
 * Service CPU per probe hit, in microseconds. Measured on a shared 2-core VM (bpftrace 0.17): ~10 µs
 * for a count-only probe and ~16 µs for memgate's (stack, goroutine id) when the machine was quiet;
 * 36.5 µs for memgate's with the machine loaded (load average 16-36: bench/ebpf.ts, amplified at a
 * 4 KiB sampling rate, 4 pairs; 45 µs directly at 64 KiB). A CI runner shares its cores too, so the
 * loaded figure, rounded up: the guard errs towards not tracing. bench/ebpf.ts prints the estimate
 * beside the measured cost.
 */
export const PROBE_HIT_COST_US = 40;
/** The default mode's budget: at most this share of one core (an allocation-heavy service's throughput). */
export const EBPF_COST_BUDGET = 0.03;
/** Go's default runtime.MemProfileRate, used when a profile does not say its period. */
const GO_DEFAULT_MEM_PROFILE_RATE = 512 * 1024;
/** A profile fetch for the estimate: it delays the tracer's start by this at most. */
const ESTIMATE_FETCH_TIMEOUT_MS = 5_000;

/** How much a side's service allocates, from a heap profile (cumulative since start) and its age. */
export interface AllocationRate {
  bytesPerSec: number;
  objectsPerSec: number;
  /** The profile's period: runtime.MemProfileRate as the process has it; null when the profile does not say. */
  memProfileRate: number | null;
}

/** Allocation rate from one heap profile's cumulative totals over the process's age. Pure. */
export function allocationRate(
  totals: { allocBytes: number; allocObjects: number },
  periodBytes: number | null,
  ageSec: number,
): AllocationRate {
  const age = Math.max(ageSec, 0.001);
  return {
    bytesPerSec: totals.allocBytes / age,
    objectsPerSec: totals.allocObjects / age,
    memProfileRate: periodBytes,
  };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Expected probe hits per second and what they cost, before the decision. Pure. */
export function estimateCost(
  rate: AllocationRate,
  mode: EbpfMode,
): Omit<EbpfCostEstimate, 'traced' | 'measuredHitsPerSec'> {
  // Go samples one allocation per MemProfileRate bytes on average (an object larger than that once): an upper bound.
  const memProfileRate = mode === 'sampled' ? (rate.memProfileRate ?? GO_DEFAULT_MEM_PROFILE_RATE) : null;
  const hitsPerSec = memProfileRate === null ? rate.objectsPerSec : rate.bytesPerSec / memProfileRate;
  return {
    source: 'heap-profile',
    allocPerSec: Math.round(mode === 'sampled' ? rate.bytesPerSec : rate.objectsPerSec),
    memProfileRate,
    hitsPerSec: round(hitsPerSec, 1),
    hitCostUs: PROBE_HIT_COST_US,
    share: round((hitsPerSec * PROBE_HIT_COST_US) / 1e6, 4),
    budget: EBPF_COST_BUDGET,
  };
}

/** The cost of the hits a side's tracer counted (no estimate before): the figure for a side traced without a profile. Pure. */
export function costFromHits(hitsPerSec: number, memProfileRate: number | null): EbpfCostEstimate {
  return {
    source: 'probe-hits',
    allocPerSec: null,
    memProfileRate,
    hitsPerSec: round(hitsPerSec, 1),
    hitCostUs: PROBE_HIT_COST_US,
    share: round((hitsPerSec * PROBE_HIT_COST_US) / 1e6, 4),
    budget: EBPF_COST_BUDGET,
    traced: true,
    measuredHitsPerSec: round(hitsPerSec, 1),
  };
}

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

function what(side: SideName, e: Omit<EbpfCostEstimate, 'traced' | 'measuredHitsPerSec'>): string {
  const from =
    e.memProfileRate !== null
      ? `${formatBytes(e.allocPerSec ?? 0)}/s allocated, one heap-profile sample per ${formatBytes(e.memProfileRate)}`
      : `${Math.round(e.allocPerSec ?? 0)} allocations/s, each a probe hit`;
  return `${side} (${from}: ~${Math.round(e.hitsPerSec)} probe hits/s x ${e.hitCostUs} µs) would cost ~${percent(e.share)} of a core, over the ${percent(e.budget)} budget`;
}

/** The smallest power-of-two MemProfileRate that brings this cost within the budget, in words. Pure. */
export function withinBudget(memProfileRate: number, share: number, budget: number): string {
  let rate = 1;
  while (rate < (memProfileRate * share) / budget) rate *= 2;
  const size = rate >= 1024 * 1024 ? `${rate / 1024 / 1024}MiB` : rate >= 1024 ? `${rate / 1024}KiB` : `${rate}`;
  return `${size} would cost ~${percent((share * memProfileRate) / rate)}`;
}

/**
 * Traced or not, and the warning to give. `auto`: a side over the budget is not traced; `on`: it is,
 * and the warning says what it costs. Pure.
 */
export function decideTracing(
  side: SideName,
  estimate: Omit<EbpfCostEstimate, 'traced' | 'measuredHitsPerSec'>,
  enabled: EbpfSwitch,
  mode: EbpfMode,
): { estimate: EbpfCostEstimate; warning: string | null } {
  const over = estimate.share > estimate.budget;
  const traced = !over || enabled === 'on';
  const fix =
    mode === 'sampled' && estimate.memProfileRate !== null
      ? `raise --memprofile-rate (fewer samples, fewer probe hits; ${withinBudget(estimate.memProfileRate, estimate.share, estimate.budget)})`
      : 'use --ebpf-mode sampled';
  let warning: string | null = null;
  if (over && enabled === 'on')
    warning = `eBPF tracing of ${what(side, estimate)}; traced anyway (--ebpf on): its figures are measured under that load. To stay within the budget, ${fix}`;
  else if (over)
    warning = `${side} is not traced: eBPF tracing of ${what(side, estimate)}. ${fix[0].toUpperCase()}${fix.slice(1)}, or give --ebpf on to trace anyway`;
  return { estimate: { ...estimate, traced, measuredHitsPerSec: null }, warning };
}

/** The warning for a side traced without an estimate whose counted hits were over the budget, or null. Pure. */
export function hitsWarning(side: SideName, cost: EbpfCostEstimate, mode: EbpfMode): string | null {
  if (cost.share <= cost.budget) return null;
  const fix = mode === 'sampled' ? 'raise --memprofile-rate' : 'use --ebpf-mode sampled';
  return `eBPF tracing of ${side} cost ~${percent(cost.share)} of a core (${Math.round(cost.hitsPerSec)} probe hits/s x ${cost.hitCostUs} µs), over the ${percent(cost.budget)} budget; it was not estimated before attaching because ${side} has no heap profile to estimate from. ${fix[0].toUpperCase()}${fix.slice(1)}, give ${side} a pprof URL (then an over-budget side is skipped), or give --ebpf off`;
}

export type RateLookup = { ok: true; rate: AllocationRate } | { ok: false; why: string };

/** Cap on the inflated profile (it comes from the service under test: a gzip bomb must not be inflated). */
const MAX_INFLATED_BYTES = 128 * 1024 * 1024;
const num = (v: number | bigint | undefined): number =>
  typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : (v ?? 0);

/**
 * The alloc_space and alloc_objects totals and the period of a Go heap profile (gzipped protobuf).
 * Only what the guard needs (collect may not import analyze, whose decoder keeps the stacks). Throws
 * on what is not a heap profile.
 */
export function heapTotals(bytes: Uint8Array): {
  allocBytes: number;
  allocObjects: number;
  periodBytes: number | null;
} {
  const raw =
    bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
      ? gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES })
      : bytes;
  const profile = Profile.decode(raw);
  const strings = profile.stringTable.strings;
  const types = profile.sampleType.map((vt) => strings[num(vt.type)]);
  const bytesAt = types.indexOf('alloc_space');
  const objectsAt = types.indexOf('alloc_objects');
  if (bytesAt < 0 || objectsAt < 0) throw new Error(`not a heap profile (sample types: ${types.join(', ') || 'none'})`);
  let allocBytes = 0;
  let allocObjects = 0;
  for (const sample of profile.sample) {
    allocBytes += num(sample.value[bytesAt]);
    allocObjects += num(sample.value[objectsAt]);
  }
  const period = num(profile.period);
  return { allocBytes, allocObjects, periodBytes: period > 0 ? period : null };
}

/** Fetches a side's heap profile (no GC forced) and turns its cumulative totals into a rate. Never throws. */
export async function fetchAllocationRate(
  pprofBase: string,
  ageSec: number | null,
  signal?: AbortSignal,
): Promise<RateLookup> {
  if (ageSec === null) return { ok: false, why: 'its process age could not be read' };
  const result = await fetchProfile(`${pprofBase.replace(/\/+$/, '')}/heap`, ESTIMATE_FETCH_TIMEOUT_MS, signal);
  if (!result.ok) return { ok: false, why: `its heap profile could not be fetched (${result.error})` };
  try {
    const totals = heapTotals(result.data);
    return { ok: true, rate: allocationRate(totals, totals.periodBytes, ageSec) };
  } catch (error) {
    return { ok: false, why: `its heap profile could not be read (${(error as Error).message})` };
  }
}
