import { formatBytes, formatRate } from '../model/units.ts';
import type { Pattern, PatternId } from './evidence-types.ts';
import type { FunctionGrowth, HeapDiff, StackGrowth } from './heap-diff.ts';
import { levelNoise } from './heap-diff.ts';
import type { ClusterGrowth, GoroutineDiff } from './goroutine-clusters.ts';
import { mainState } from './goroutine-clusters.ts';
import { applicationFrame, clamp01, isRuntime, isStdlib, locationText } from './evidence-util.ts';

/** Growth must be this many times the function's scatter around a steady line to be a leak. */
const SCATTER_FACTOR = 3;
/** Fewest extra goroutines in a cluster that count as a pile-up, whatever baseline has. */
export const MIN_GOROUTINE_GROWTH = 8;
/** ...and at least this share of baseline's count in that cluster at the end. */
const MIN_GOROUTINE_GROWTH_SHARE = 0.25;

export function goroutineThreshold(c: ClusterGrowth): number {
  return Math.max(MIN_GOROUTINE_GROWTH, MIN_GOROUTINE_GROWTH_SHARE * c.end.baseline.count);
}

/** A cluster that grew in gray beyond noise. */
export function growingClusters(goroutines: GoroutineDiff | null): ClusterGrowth[] {
  return (goroutines?.clusters ?? []).filter((c) => c.difference >= goroutineThreshold(c));
}

/** What a pattern explains: heap stacks (by key) and goroutine clusters (by key). */
export interface PatternClaim {
  pattern: Pattern;
  stacks: Set<string>;
  clusters: Set<string>;
}

const BLOCKED_STATES =
  /^(chan send|chan receive|select|select \(no cases\)|chan send \(nil chan\)|chan receive \(nil chan\)|semacquire|sync\.Mutex\.Lock|sync\.RWMutex\.R?Lock|sync\.WaitGroup\.Wait|sync\.Cond\.Wait)$/;

const stackDiff = (s: StackGrowth) => s.growth.gray.bytes - s.growth.baseline.bytes;
const has = (s: { frames: { fn: string }[] }, test: (fn: string) => boolean) => s.frames.some((f) => test(f.fn));
const round2 = (x: number) => Math.round(x * 100) / 100;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function totalPositiveGrowth(heap: HeapDiff): number {
  return heap.functions.reduce((sum, f) => sum + Math.max(0, f.growth.gray.bytes - f.growth.baseline.bytes), 0);
}

/** The first application frame under a set of stacks, weighted by their growth. */
function callerOf(stacks: readonly StackGrowth[], below?: (fn: string) => boolean): string | null {
  const votes = new Map<string, number>();
  for (const s of stacks) {
    const start = below ? s.frames.findIndex((f) => below(f.fn)) : 0;
    const app = applicationFrame(s.frames.slice(Math.max(0, start)));
    if (app) votes.set(app.fn, (votes.get(app.fn) ?? 0) + Math.max(stackDiff(s), 1));
  }
  let best: string | null = null;
  for (const [fn, v] of votes) if (best === null || v > votes.get(best)!) best = fn;
  return best;
}

const TICKER_FRAMES = new Set([
  'time.NewTicker',
  'time.Tick',
  'time.startTimer',
  'runtime.addtimer',
  'time.(*Ticker).Reset',
]);

function tickerNotStopped(heap: HeapDiff, total: number): PatternClaim | null {
  const stacks = heap.stacks.filter((s) => has(s, (fn) => TICKER_FRAMES.has(fn)) && stackDiff(s) > 0);
  const bytes = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
  if (bytes <= heap.noiseFloorBytes) return null;
  const objects = Math.round(stacks.reduce((sum, s) => sum + s.growth.gray.objects - s.growth.baseline.objects, 0));
  const caller = callerOf(stacks);
  const share = total > 0 ? bytes / total : 1;
  return {
    pattern: {
      id: 'ticker-not-stopped',
      confidence: round2(0.6 + 0.35 * clamp01(share)),
      message: `Tickers are created and never stopped: memory retained under time.NewTicker grew ${formatBytes(bytes)} more in gray than in baseline (about ${objects} more live objects)${caller ? `, created in ${caller}` : ''}.`,
      hint: 'Call Stop on every time.Ticker once its user is done (defer t.Stop() right after time.NewTicker), and never use time.Tick in code that runs more than once.',
      functions: caller ? ['time.NewTicker', caller] : ['time.NewTicker'],
    },
    stacks: new Set(stacks.map((s) => s.key)),
    clusters: new Set(),
  };
}

const isTransportLoop = (fn: string) =>
  fn === 'net/http.(*persistConn).readLoop' || fn === 'net/http.(*persistConn).writeLoop';
/** Buffers and state of the server half of a connection (net/http or bufio, under the server's conn). */
const isServerConnHeap = (s: StackGrowth) =>
  /^(net\/http|bufio)\./.test(s.frames[0]?.fn ?? '') &&
  s.frames.some((f) => f.fn === 'net/http.(*conn).serve' || f.fn === 'net/http.(*Server).Serve');
const isTransportHeap = (fn: string) =>
  fn.startsWith('net/http.(*Transport).') || fn.startsWith('net/http.(*persistConn).');

function transportPerRequest(heap: HeapDiff | null, goroutines: GoroutineDiff | null): PatternClaim | null {
  const clusters = growingClusters(goroutines).filter(
    (c) => c.frames.some((f) => isTransportLoop(f.fn)) || c.createdBy?.fn === 'net/http.(*Transport).dialConn',
  );
  const count = Math.round(clusters.reduce((sum, c) => sum + c.difference, 0));
  const stacks = heap ? heap.stacks.filter((s) => has(s, isTransportHeap) && stackDiff(s) > 0) : [];
  const bytes = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
  const heapSeen = heap !== null && bytes > heap.noiseFloorBytes;
  if (clusters.length === 0 && !heapSeen) return null;
  const loops = new Set(clusters.flatMap((c) => c.frames.filter((f) => isTransportLoop(f.fn)).map((f) => f.fn)));
  const confidence = 0.45 + (clusters.length ? 0.25 : 0) + (loops.size >= 2 ? 0.1 : 0) + (heapSeen ? 0.15 : 0);
  // The server half of such connections (when the service calls itself) piles up alongside.
  const server = growingClusters(goroutines).filter((c) => c.entry === 'net/http.(*conn).serve');
  const loopNames = [...loops]
    .map((fn) => fn.replace('net/http.(*persistConn).', ''))
    .sort()
    .join('/');
  const seen = clusters.length
    ? `${count} more idle HTTP client connection goroutines${loopNames ? ` (persistConn ${loopNames})` : ''} created by net/http.(*Transport).dialConn in gray than in baseline${heapSeen ? `, holding ${formatBytes(bytes)} more` : ''}`
    : `${formatBytes(bytes)} more retained under net/http.(*Transport).dialConn in gray than in baseline`;
  return {
    pattern: {
      id: 'transport-per-request',
      confidence: round2(Math.min(0.95, confidence)),
      message: `A new http.Transport (or http.Client with its own Transport) is made per request and its keep-alive connections are never reused or closed: ${seen}.`,
      hint: 'Create one http.Client (and Transport) at start-up and share it, they are safe for concurrent use; if a Transport must be short-lived, call CloseIdleConnections when done with it.',
      functions: [
        ...new Set([...clusters.map((c) => c.entry), ...(heapSeen ? ['net/http.(*Transport).dialConn'] : [])]),
      ],
    },
    stacks: new Set(
      [
        ...stacks,
        ...(clusters.length ? (heap?.stacks.filter((s) => s.frames[0]?.fn === 'runtime.malg') ?? []) : []),
        ...(server.length ? (heap?.stacks.filter(isServerConnHeap) ?? []) : []),
      ].map((s) => s.key),
    ),
    clusters: new Set([...clusters, ...server].map((c) => c.key)),
  };
}

const POOL_GET = 'sync.(*Pool).Get';

function syncPoolMisuse(heap: HeapDiff): PatternClaim | null {
  const stacks = heap.stacks.filter((s) => has(s, (fn) => fn === POOL_GET));
  if (stacks.length === 0) return null;
  const growth = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
  const grayEnd = stacks.reduce((sum, s) => sum + s.end.gray.bytes, 0);
  const baselineEnd = stacks.reduce((sum, s) => sum + s.end.baseline.bytes, 0);
  const excess = grayEnd - baselineEnd;
  const grayAlloc = heap.spans.gray > 0 ? stacks.reduce((sum, s) => sum + s.allocated.gray, 0) / heap.spans.gray : 0;
  const baselineAlloc =
    heap.spans.baseline > 0 ? stacks.reduce((sum, s) => sum + s.allocated.baseline, 0) / heap.spans.baseline : 0;
  const grew = growth > heap.noiseFloorBytes;
  const higher =
    excess > Math.max(heap.noiseFloorBytes, levelNoise(grayEnd, baselineEnd, heap.periodBytes)) &&
    excess > 0.5 * baselineEnd;
  const allocNoise =
    heap.spans.gray > 0
      ? (3 * Math.sqrt(Math.max(grayAlloc * heap.spans.gray, heap.periodBytes) * heap.periodBytes)) / heap.spans.gray
      : Infinity;
  const churns = grayAlloc - baselineAlloc > allocNoise && grayAlloc > 4 * baselineAlloc;
  if (!grew && !higher) return null;
  const newFn = stacks.find((s) => s.end.gray.bytes > 0)?.frames[0]?.fn ?? stacks[0].frames[0]?.fn ?? '?';
  const caller = callerOf(stacks, (fn) => fn === POOL_GET);
  const held = grew ? `grew ${formatBytes(growth)} more` : `rests ${formatBytes(excess)} higher`;
  const confidence = 0.5 + (grew ? 0.15 : 0) + (higher ? 0.15 : 0) + (churns ? 0.15 : 0);
  return {
    pattern: {
      id: 'sync-pool-misuse',
      confidence: round2(Math.min(0.95, confidence)),
      message: `Objects taken from a sync.Pool are kept instead of put back: memory retained under sync.(*Pool).Get (New = ${newFn}${caller ? `, called from ${caller}` : ''}) ${held} in gray than in baseline${churns ? `, and the pool's New allocates ${formatRate(grayAlloc - baselineAlloc)} more, so the pool is not reused` : ''}.`,
      hint: 'Put every object back with Put once done with it (and keep no reference afterwards); cap the size of pooled buffers before Put, and do not hold pooled objects in long-lived structures.',
      functions: [...new Set([newFn, ...(caller ? [caller] : [])])],
    },
    stacks: new Set(stacks.map((s) => s.key)),
    clusters: new Set(),
  };
}

function goroutineBlocked(
  heap: HeapDiff | null,
  goroutines: GoroutineDiff | null,
  claimed: ReadonlySet<string>,
): PatternClaim | null {
  const growing = growingClusters(goroutines).filter((c) => !claimed.has(c.key));
  const blocked = growing.filter((c) => BLOCKED_STATES.test(mainState(c.end.gray) ?? ''));
  if (blocked.length === 0) return null;
  const top = blocked[0];
  const totalGrowth = growingClusters(goroutines).reduce((sum, c) => sum + Math.max(0, c.difference), 0);
  const count = Math.round(top.difference);
  const state = mainState(top.end.gray) ?? 'blocked';
  const creator = top.createdBy?.fn ?? null;
  const where = locationText(top.frames[0]);
  const share = totalGrowth > 0 ? top.difference / totalGrowth : 1;
  const waited =
    top.end.gray.maxWaitMinutes !== null ? `, the oldest waiting ${plural(top.end.gray.maxWaitMinutes, 'minute')}` : '';
  const others = blocked.length > 1 ? ` (and ${plural(blocked.length - 1, 'more cluster')} like it)` : '';
  // The heap those goroutines hold: allocations made by the function that starts them.
  const held = heap && creator ? heap.stacks.filter((s) => has(s, (fn) => fn === creator) && stackDiff(s) > 0) : [];
  const malg = growing.length && heap ? heap.stacks.filter((s) => s.frames[0]?.fn === 'runtime.malg') : [];
  return {
    pattern: {
      id: 'goroutine-blocked',
      confidence: round2(Math.min(0.95, 0.6 + 0.3 * clamp01(share) + (top.end.gray.maxWaitMinutes ? 0.05 : 0))),
      message: `Goroutines${creator ? ` started by ${creator}` : ''} pile up blocked in ${state}: ${count} more in gray than in baseline, running ${top.entry}${where ? ` (${where})` : ''}${waited}${others}.`,
      hint: `Give every goroutine a way to finish: make sure each ${state.startsWith('chan') || state.startsWith('select') ? 'send has a receiver that keeps running (or use a buffered channel and select on ctx.Done())' : 'lock or wait is released on every path'}, and bound how many such goroutines can be started.`,
      functions: [...new Set([...(creator ? [creator] : []), top.entry])],
    },
    stacks: new Set([...held, ...malg].map((s) => s.key)),
    clusters: new Set(blocked.map((c) => c.key)),
  };
}

const BUFFER_FRAMES = new Set([
  'bytes.makeSlice',
  'bytes.growSlice',
  'bytes.(*Buffer).grow',
  'bytes.(*Buffer).Grow',
  'strings.(*Builder).grow',
  'strings.(*Builder).Grow',
]);

function bufferGrowth(heap: HeapDiff, total: number): PatternClaim | null {
  const stacks = heap.stacks.filter((s) => has(s, (fn) => BUFFER_FRAMES.has(fn)) && stackDiff(s) > 0);
  const bytes = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
  if (bytes <= heap.noiseFloorBytes) return null;
  const caller = callerOf(stacks);
  const leaf = stacks[0].frames[0]?.fn ?? 'bytes.(*Buffer).grow';
  const via = stacks[0].frames.find(
    (f) => isStdlib(f.fn) && !BUFFER_FRAMES.has(f.fn) && !f.fn.startsWith('bytes.'),
  )?.fn;
  const share = total > 0 ? bytes / total : 1;
  // Everything else that function keeps (the slice it appends the buffers to, ...) is the same story.
  const sameCaller = caller
    ? heap.stacks.filter((s) => applicationFrame(s.frames)?.fn === caller && stackDiff(s) > 0)
    : [];
  return {
    pattern: {
      id: 'buffer-growth',
      confidence: round2(0.55 + 0.4 * clamp01(share)),
      message: `Buffers keep growing and are kept: memory retained under ${leaf} (bytes.Buffer growth) grew ${formatBytes(bytes)} more in gray than in baseline${caller ? `, from ${caller}` : ''}${via ? ` via ${via}` : ''}.`,
      hint: 'Do not keep bytes.Buffers (or slices of their Bytes()) after use: copy out what you need, Reset and reuse one buffer (or pool them with a size cap), and bound any collection they are appended to.',
      functions: [...new Set([leaf, ...(caller ? [caller] : [])])],
    },
    stacks: new Set([...stacks, ...sameCaller].map((s) => s.key)),
    clusters: new Set(),
  };
}

/** How steadily a series rises: the share of steps that do not go down, among those that move. */
function steadiness(series: readonly number[]): number {
  let up = 0;
  let moved = 0;
  for (let i = 1; i < series.length; i++) {
    if (series[i] === series[i - 1]) continue;
    moved++;
    if (series[i] > series[i - 1]) up++;
  }
  return moved === 0 ? 0 : up / moved;
}

/**
 * A leak rises in both halves of the window; a burst caught by the last snapshot, or a one-off load,
 * rises in one. (Two snapshots cannot tell: they pass.)
 */
export function risesThroughout(series: readonly number[]): boolean {
  const n = series.length;
  if (n < 3) return true;
  const mid = Math.floor((n - 1) / 2);
  return series[mid] > series[0] && series[n - 1] > series[mid];
}

/** What is left: steady retained growth in application code that no other pattern explains. */
function unboundedMap(heap: HeapDiff, total: number, claimed: ReadonlySet<string>): PatternClaim | null {
  const candidates: { f: FunctionGrowth; stacks: StackGrowth[]; bytes: number; app: string }[] = [];
  for (const f of heap.functions) {
    const stacks = f.stacks.filter((s) => !claimed.has(s.key) && stackDiff(s) > 0);
    const bytes = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
    if (bytes <= heap.noiseFloorBytes || isRuntime(f.function)) continue;
    const app = callerOf(stacks);
    if (!app || !risesThroughout(f.graySeries) || bytes <= SCATTER_FACTOR * f.scatterBytes) continue;
    candidates.push({ f, stacks, bytes, app });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.bytes - a.bytes);
  const top = candidates[0];
  const steady = steadiness(top.f.graySeries);
  const share = total > 0 ? top.bytes / total : 1;
  const objects = Math.round(top.stacks.reduce((sum, s) => sum + s.growth.gray.objects - s.growth.baseline.objects, 0));
  const where = locationText(top.stacks[0].frames[0]);
  const named = top.app === top.f.function ? top.f.function : `${top.f.function} (called from ${top.app})`;
  return {
    pattern: {
      id: 'unbounded-map',
      confidence: round2(Math.min(0.9, 0.35 + 0.3 * steady + 0.25 * clamp01(share))),
      message: `Memory retained at ${named}${where ? ` (${where})` : ''} grows steadily in gray, ${formatBytes(top.bytes)} more than in baseline over the window (about ${objects} more live objects), and is never released: it looks like a map or cache that is only ever added to.`,
      hint: 'Bound it: delete entries once done with them, expire them (a TTL) or cap the size (an LRU), and check that its keys do not grow without limit (request IDs, timestamps, user input).',
      functions: [...new Set([top.f.function, top.app])],
    },
    stacks: new Set(candidates.flatMap((c) => (c.app === top.app ? c.stacks.map((s) => s.key) : []))),
    clusters: new Set(),
  };
}

/**
 * Known leak patterns in the heap and goroutine differences, most certain first. Each claims the
 * stacks and clusters it explains, so that a later, vaguer pattern does not explain them again.
 */
export function detectPatterns(heap: HeapDiff | null, goroutines: GoroutineDiff | null): PatternClaim[] {
  const claims: PatternClaim[] = [];
  const claimedStacks = new Set<string>();
  const claimedClusters = new Set<string>();
  const take = (claim: PatternClaim | null) => {
    if (!claim) return;
    claims.push(claim);
    for (const k of claim.stacks) claimedStacks.add(k);
    for (const k of claim.clusters) claimedClusters.add(k);
  };
  const total = heap ? totalPositiveGrowth(heap) : 0;
  if (heap) take(tickerNotStopped(heap, total));
  take(transportPerRequest(heap, goroutines));
  if (heap) take(syncPoolMisuse(heap));
  take(goroutineBlocked(heap, goroutines, claimedClusters));
  if (heap) take(bufferGrowth(heap, total));
  if (heap) take(unboundedMap(heap, total, claimedStacks));
  return claims.sort((a, b) => b.pattern.confidence - a.pattern.confidence);
}

export type { PatternId };
