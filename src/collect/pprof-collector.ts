import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SIDES, type SideName } from '../model/sides.ts';
import { formatDuration } from '../model/units.ts';
import type { Logger } from '../model/logger.ts';
import { fetchProfile, profileUrl } from './pprof-fetch.ts';
import {
  PROFILE_DIR,
  PROFILE_INDEX_FILE,
  PROFILE_INDEX_SCHEMA,
  type ProfileEntry,
  type ProfileIndex,
  type ProfileKind,
  type ProfileSet,
} from '../model/profiles.ts';

export interface ProfileCollectorOptions {
  /** The bundle directory; profiles go to its `pprof/` folder as they arrive. */
  bundleDir: string;
  /** pprof base URL per side, or null for a side that is not profiled. */
  urls: Record<SideName, string | null>;
  /** With replicas: every instance's URL per side (instance 0 is `urls`'); absent: one instance a side. */
  instanceUrls?: Record<SideName, (string | null)[]>;
  intervalMs: number;
  /** Per fetch. */
  timeoutMs: number;
  notes: string[];
  logger: Logger;
  signal: AbortSignal;
}

const KINDS: readonly ProfileKind[] = ['heap', 'goroutine'];
/** Per fetch: a service busy dumping thousands of goroutines still answers well within this. */
export const PROFILE_FETCH_TIMEOUT_MS = 10_000;
const EXTENSION: Record<ProfileKind, string> = { heap: 'pb.gz', goroutine: 'txt' };
/** Periodic snapshots move by up to this share of their slot either way. */
const JITTER_SHARE = 0.2;

/**
 * Fetches heap profiles (`?gc=1`) and goroutine dumps from both sides about every interval over the
 * window (in the middle of equal slots), and at its end; keeps each as fetched in the bundle, with an
 * index. A fetch that fails is recorded (and warned about once per side and kind), never fatal.
 */
export class ProfileCollector {
  private readonly options: ProfileCollectorOptions;
  private readonly origin = performance.now();
  private readonly dir: string;
  private readonly entries: ProfileEntry[] = [];
  private readonly data: Record<string, Uint8Array> = {};
  private readonly warned = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private seq = 0;
  private skipped = 0;
  private lastDoneAt = -Infinity;
  private stopped = false;

  constructor(options: ProfileCollectorOptions) {
    this.options = options;
    this.dir = join(options.bundleDir, PROFILE_DIR);
    mkdirSync(this.dir, { recursive: true });
    this.writeIndex();
  }

  /** Milliseconds since this collector was made: the sampling clock when made just before sampling. */
  now(): number {
    return performance.now() - this.origin;
  }

  /**
   * Schedules snapshots over the window `startMs`..`endMs`: it is cut into as many equal slots as fit
   * an interval (at least one), and each slot's snapshot sits in its middle; the final one is
   * `finish`'s, after sampling. A heap profile forces a GC (`?gc=1`), and a churning service's cgroup
   * memory dips for a second or two after one (test/data/bundles/pool-churn-10s: 5-13 MiB): with one dip in
   * the middle of every slot the floor sees them evenly, where a dip at the window's start and none at
   * its end read as a rising floor (3 of 8 pool plateaus graded P0 in 10 s windows). Each snapshot also
   * moves by up to a fifth of its slot, at random: a service's own periodic work (a 2 s ticker against
   * a 2 s interval) must not be caught at the same phase, or missed, every time.
   */
  start(startMs: number, endMs: number): void {
    for (const at of snapshotTimes(startMs, endMs, this.options.intervalMs)) {
      const jitter = (Math.random() - 0.5) * 2 * JITTER_SHARE * at.slotMs;
      const timer = setTimeout(() => this.tick(), Math.max(0, at.ms + jitter - this.now()));
      this.timers.push(timer);
    }
  }

  private tick(): void {
    if (this.stopped || this.options.signal.aborted) return;
    if (this.running) {
      this.skipped++;
      return;
    }
    this.running = this.snapshot().finally(() => {
      this.running = null;
    });
  }

  private async snapshot(): Promise<void> {
    const seq = this.seq++;
    const jobs: Promise<void>[] = [];
    for (const side of SIDES) {
      const bases = this.options.instanceUrls?.[side] ?? [this.options.urls[side]];
      for (const [instance, base] of bases.entries()) {
        if (base === null) continue;
        // One after the other per process: a goroutine dump's buffer must not sit in the heap profile's GC.
        jobs.push(
          (async () => {
            for (const kind of KINDS) await this.fetchOne(side, kind, base, seq, instance);
          })(),
        );
      }
    }
    await Promise.all(jobs);
    this.lastDoneAt = this.now();
    this.writeIndex();
  }

  private async fetchOne(
    side: SideName,
    kind: ProfileKind,
    base: string,
    seq: number,
    instance: number,
  ): Promise<void> {
    const t = Math.round(this.now() * 10) / 10;
    const result = await fetchProfile(profileUrl(base, kind), this.options.timeoutMs, this.options.signal);
    const entry: ProfileEntry = {
      side,
      ...(instance > 0 ? { instance } : {}),
      kind,
      seq,
      t,
      file: null,
      bytes: null,
      error: null,
      fetchMs: result.ms,
    };
    if (result.ok) {
      const file = `${PROFILE_DIR}/${side}${instance > 0 ? `-${instance + 1}` : ''}-${kind}-${String(seq).padStart(3, '0')}.${EXTENSION[kind]}`;
      try {
        writeFileSync(join(this.options.bundleDir, file), result.data);
        entry.file = file;
        entry.bytes = result.data.length;
        this.data[file] = result.data;
      } catch (error) {
        entry.error = `could not save it: ${(error as Error).message}`;
      }
    } else {
      entry.error = result.error;
    }
    if (entry.error !== null && !this.warned.has(`${side}/${kind}`) && !this.options.signal.aborted) {
      this.warned.add(`${side}/${kind}`);
      this.options.logger.warn(
        `${side} ${kind === 'heap' ? 'heap profile' : 'goroutine dump'} not fetched: ${entry.error}; the gate goes on without it`,
      );
    }
    this.entries.push(entry);
  }

  /** Stops the schedule (teardown on failure): no final snapshot. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** What was fetched so far (a look before the end): finished fetches only, nothing waited for. */
  soFar(): ProfileSet {
    return { ...this.index(), data: { ...this.data } };
  }

  /** Ends collection with the final snapshot (while both sides still run) and returns what was fetched. */
  async finish(): Promise<ProfileSet> {
    this.stop();
    await this.running;
    if (!this.options.signal.aborted && this.now() - this.lastDoneAt > Math.min(1000, this.options.intervalMs / 4))
      await this.snapshot();
    if (this.skipped > 0) {
      this.options.notes.push(
        `${this.skipped} profile snapshot(s) skipped because the one before was still being fetched; raise --profile-interval`,
      );
    }
    this.writeIndex();
    return { ...this.index(), data: { ...this.data } };
  }

  private index(): ProfileIndex {
    const entries = [...this.entries].sort(
      (a, b) =>
        a.seq - b.seq ||
        a.side.localeCompare(b.side) ||
        (a.instance ?? 0) - (b.instance ?? 0) ||
        a.kind.localeCompare(b.kind),
    );
    return {
      schema: PROFILE_INDEX_SCHEMA,
      urls: this.options.urls,
      ...(this.options.instanceUrls ? { instanceUrls: this.options.instanceUrls } : {}),
      intervalMs: this.options.intervalMs,
      entries,
      notes: [...this.options.notes],
    };
  }

  private writeIndex(): void {
    try {
      writeFileSync(join(this.dir, PROFILE_INDEX_FILE), JSON.stringify(this.index(), null, 2) + '\n');
    } catch (error) {
      this.options.logger.warn(`could not write the profile index: ${(error as Error).message}`);
    }
  }
}

/** The middle of each of the equal slots, as long as an interval or longer, that the window is cut into. */
export function snapshotTimes(startMs: number, endMs: number, intervalMs: number): { ms: number; slotMs: number }[] {
  const slots = Math.max(1, Math.floor((endMs - startMs) / intervalMs + 1e-9));
  const slotMs = (endMs - startMs) / slots;
  return Array.from({ length: slots }, (_, k) => ({ ms: startMs + (k + 0.5) * slotMs, slotMs }));
}

/** A line for the log: what will be fetched, from where, how often. */
export function describeCollection(urls: Record<SideName, string | null>, intervalMs: number): string {
  const where = SIDES.map((side) => `${side} ${urls[side] ?? 'off'}`).join(', ');
  return `memgate: heap profiles and goroutine dumps about every ${formatDuration(intervalMs)} over the window and at its end (${where})`;
}

export interface ProfilingPlan {
  /** URL templates per side ({port} allowed); null for a side not profiled. */
  templates: Record<SideName, string | null>;
  /** Each process's port per side (one a side without replicas). */
  ports: Record<SideName, (number | null)[]>;
  intervalMs: number;
  /** The window: from warmupMs to totalMs (then `finish`). */
  warmupMs: number;
  totalMs: number;
  bundleDir: string;
  logger: Logger;
  signal: AbortSignal;
}

/**
 * Starts fetching profiles for a run; made right before sampling starts so that both share a clock.
 * Null when profiling is off for both sides.
 */
export function startProfiling(plan: ProfilingPlan): ProfileCollector | null {
  if (SIDES.every((side) => plan.templates[side] === null)) return null;
  const urls = {} as Record<SideName, string | null>;
  const instanceUrls = {} as Record<SideName, (string | null)[]>;
  const notes: string[] = [];
  for (const side of SIDES) {
    const template = plan.templates[side];
    instanceUrls[side] = plan.ports[side].map((port) =>
      template === null || (template.includes('{port}') && port === null)
        ? null
        : template.replaceAll('{port}', String(port)),
    );
    urls[side] = instanceUrls[side][0] ?? null;
    if (template !== null && template.includes('{port}') && plan.ports[side][0] === null) {
      notes.push(
        `the ${side} command has no {port}, so memgate does not know its pprof address; no ${side} profiles (give --${side}-pprof URL)`,
      );
    } else if (template !== null && !template.includes('{port}') && plan.ports[side].length > 1) {
      // A fixed address is one process: the other replicas cannot be told apart there.
      instanceUrls[side] = instanceUrls[side].map((url, i) => (i === 0 ? url : null));
    }
  }
  for (const note of notes) plan.logger.warn(note);
  const replicas = Math.max(...SIDES.map((side) => plan.ports[side].length));
  const collector = new ProfileCollector({
    bundleDir: plan.bundleDir,
    urls,
    ...(replicas > 1 ? { instanceUrls } : {}),
    intervalMs: plan.intervalMs,
    timeoutMs: Math.min(PROFILE_FETCH_TIMEOUT_MS, Math.max(2000, plan.intervalMs * 2)),
    notes,
    logger: plan.logger,
    signal: plan.signal,
  });
  if (SIDES.some((side) => urls[side] !== null)) {
    plan.logger.info(describeCollection(urls, plan.intervalMs));
    collector.start(plan.warmupMs, plan.totalMs);
  }
  return collector;
}
