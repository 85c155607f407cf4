// Which files to probe: each side's Go processes, found in its group, their binaries checked (ELF,
// Go version, symbols), one target per executable file (baseline and gray may share one), with each
// process's load bias.
import { readFileSync } from 'node:fs';
import type { EbpfMode } from '../model/ebpf.ts';
import { SIDES, type SideName } from '../model/sides.ts';
import type { MemoryGroup } from '../workload/cgroup/types.ts';
import type { GoBinary } from './ebpf-elf.ts';
import { checkBinary, type Problem } from './ebpf-preflight.ts';
import { exeIdentity, loadBias, readExe, readMaps } from './ebpf-proc.ts';
import { safeProbePath, type ProbeTarget } from './ebpf-script.ts';

/** One executable file traced (by inode), with the processes running it. */
export interface Target {
  probe: ProbeTarget;
  binary: GoBinary;
  /** pid -> its load bias (runtime address minus linked address; 0 unless PIE). */
  bias: Map<number, bigint>;
  sides: Set<SideName>;
}

export interface Found {
  targets: Target[];
  /** The traced pids of each side (empty: that side is not traced). */
  sidePids: Record<SideName, number[]>;
}

/**
 * Finds and checks what to probe. `note` receives what is worth a warning but does not stop tracing;
 * `untraced` a side without a traceable process, and why (it may throw: --ebpf on).
 */
export function findTargets(
  groups: Record<SideName, MemoryGroup>,
  mode: EbpfMode,
  prefix: string[],
  note: (message: string) => void,
  untraced: (side: SideName, why: Problem) => void,
): Found {
  const byInode = new Map<string, Target>();
  const checked = new Map<string, ReturnType<typeof checkBinary>>();
  const sidePids = {} as Record<SideName, number[]>;
  for (const side of SIDES) {
    const found: { pid: number; exe: string }[] = [];
    const problems: Problem[] = [];
    for (const pid of groups[side].pids()) {
      const exe = readExe(pid, prefix);
      if (!exe) continue;
      const inode = exeIdentity(pid, exe);
      const deleted = exe.endsWith(' (deleted)');
      const readPath = deleted ? `/proc/${pid}/exe` : exe;
      let result = checked.get(inode);
      if (!result) {
        result = checkBinary(readPath, mode, (p) => {
          try {
            return readFileSync(p);
          } catch {
            return readFileSync(`/proc/${pid}/exe`);
          }
        });
        checked.set(inode, result);
      }
      if (!result.ok) {
        // A shell or launcher in the group is no problem as long as a Go process is there too.
        if (result.binary && (result.binary.goVersion !== null || result.binary.symbol('runtime.mallocgc')))
          problems.push(result);
        continue;
      }
      found.push({ pid, exe });
      let target = byInode.get(inode);
      if (!target) {
        const probePath = !deleted && safeProbePath(exe) ? exe : `/proc/${pid}/exe`;
        target = {
          probe: {
            binary: probePath,
            pids: [],
            arch: result.arch,
            go: result.go,
            memProfileRateAddr: result.binary.symbol('runtime.MemProfileRate')?.value ?? null,
          },
          binary: result.binary,
          bias: new Map(),
          sides: new Set(),
        };
        byInode.set(inode, target);
      }
      let bias = 0n;
      if (result.binary.pie) {
        const maps = readMaps(pid, prefix);
        bias = (maps === null ? null : loadBias(maps, exe.replace(/ \(deleted\)$/, ''))) ?? 0n;
        if (bias === 0n)
          note(`the load address of PIE binary ${exe} in pid ${pid} is unknown; its stacks may not resolve`);
      }
      target.bias.set(pid, bias);
      target.probe.pids.push(pid);
      target.sides.add(side);
    }
    sidePids[side] = found.map((f) => f.pid);
    if (found.length === 0) {
      untraced(
        side,
        problems[0] ?? {
          problem: `no Go process found in the ${side} group (pids ${groups[side].pids().join(', ') || 'none'})`,
          fix: 'make the command run the Go binary (exec it), or give --ebpf off',
        },
      );
    } else if (found.length > 1) {
      note(
        `${side} runs ${found.length} traced processes (${found.map((f) => `pid ${f.pid}: ${f.exe}`).join(', ')}); their allocations are added together`,
      );
    }
  }
  // Under PIE every process has its own address of runtime.MemProfileRate: one probe per process.
  const targets = [...byInode.values()].flatMap((t) => {
    if (!t.binary.pie || t.probe.memProfileRateAddr === null || mode !== 'sampled') return [t];
    return t.probe.pids.map((pid) => ({
      ...t,
      probe: { ...t.probe, pids: [pid], memProfileRateAddr: t.probe.memProfileRateAddr! + t.bias.get(pid)! },
    }));
  });
  return { targets, sidePids };
}
