// The bpftrace program, generated per binary: which function to probe, which register holds the
// allocation size and the g pointer, where goid sits in runtime.g, all depend on the architecture
// and on the Go version of that binary. bpf/*.bt hold the same programs for amd64 Go 1.19, to read
// and to run by hand. Entry-only uprobes: never a uretprobe on Go (stack copying makes it crash).
import type { ElfArch } from './ebpf-elf.ts';
import type { EbpfMode } from '../model/ebpf.ts';

/** Frames the tracer asks for beyond --stack-depth: the allocator's own runtime frames come first. */
export const RUNTIME_HEADROOM = 6;

/** One probed executable and the processes (of one or both sides) it is traced in. */
export interface ProbeTarget {
  /** Path as bpftrace attaches it (a real path, or /proc/PID/exe). */
  binary: string;
  pids: number[];
  arch: ElfArch;
  /** [major, minor] of the binary's Go, or null when unknown (then only what needs no version is read). */
  go: [number, number] | null;
  /** Address of runtime.MemProfileRate in the processes (sampled mode), or null. */
  memProfileRateAddr: bigint | null;
}

export interface ScriptOptions {
  mode: EbpfMode;
  /** every mode: record one call in this many (in the kernel). */
  sampleRate: number;
  /** Frames captured per stack (stack depth plus the allocator's runtime frames). */
  captureDepth: number;
  targets: ProbeTarget[];
}

export const ATTACHED_MARKER = 'memgate: attached';
export const PROBED_FUNCTION: Record<EbpfMode, string> = { sampled: 'runtime.mProf_Malloc', every: 'runtime.mallocgc' };

const AMD64_ARGS = ['ax', 'bx', 'cx', 'di', 'si', 'r8', 'r9', 'r10', 'r11'];
const atLeast = (go: [number, number] | null, minor: number) =>
  go !== null && (go[0] > 1 || (go[0] === 1 && go[1] >= minor));

/** Go's register ABI (ABIInternal): amd64 from Go 1.17, arm64 from Go 1.18. */
export function hasRegisterAbi(arch: ElfArch, go: [number, number] | null): boolean {
  return atLeast(go, arch === 'amd64' ? 17 : 18);
}

/** Offset of goid in runtime.g: 152 for Go 1.13-1.22, 160 from Go 1.23 (64-bit platforms); null when unknown. */
export function goidOffset(go: [number, number] | null): number | null {
  if (!atLeast(go, 13)) return null;
  return atLeast(go, 23) ? 160 : 152;
}

/** Index of the size argument: mallocgc(size, ...), mProf_Malloc(p, size) before Go 1.23, mProf_Malloc(mp, p, size) from it. */
export function sizeArgIndex(mode: EbpfMode, go: [number, number] | null): number {
  if (mode === 'every') return 0;
  return atLeast(go, 23) ? 2 : 1;
}

/** The bpftrace expression of integer argument `index` of a Go function, at its entry. */
export function argExpr(arch: ElfArch, go: [number, number] | null, index: number): string {
  if (hasRegisterAbi(arch, go)) return arch === 'amd64' ? `reg("${AMD64_ARGS[index]}")` : `reg("r${index}")`;
  // ABI0: arguments on the stack, above the return address (amd64) or the saved link register (arm64).
  return `*(uint64*)(reg("sp") + ${8 * (index + 1)})`;
}

/** The goroutine id of the running goroutine, or `0` when it cannot be read for this binary. */
export function goidExpr(arch: ElfArch, go: [number, number] | null): string {
  const offset = goidOffset(go);
  if (offset === null) return '0';
  if (arch === 'arm64') return `*(uint64*)(reg("r28") + ${offset})`;
  // amd64 keeps g in R14 only under the register ABI; before it g lived in thread-local storage.
  return hasRegisterAbi(arch, go) ? `*(uint64*)(reg("r14") + ${offset})` : '0';
}

function pidFilter(pids: readonly number[]): string {
  return pids.map((p) => `pid == ${p}`).join(' || ');
}

/** The bpftrace program for these targets. Pure. */
export function buildScript(options: ScriptOptions): string {
  const { mode, sampleRate, captureDepth } = options;
  const lines: string[] = [];
  const what =
    mode === 'sampled'
      ? 'runtime.mProf_Malloc, once per MemProfileRate bytes (Go heap-profile sampling)'
      : `runtime.mallocgc, ${sampleRate > 1 ? `one call in ${sampleRate} (sampled in the kernel)` : 'every call'}`;
  lines.push(`// memgate allocation tracer (generated): ${what}`);
  lines.push(`BEGIN { printf("${ATTACHED_MARKER}\\n"); }`);
  for (const t of options.targets) {
    const go = t.go ? `go${t.go[0]}.${t.go[1]}` : 'go?';
    let predicate = pidFilter(t.pids);
    if (mode === 'every' && sampleRate > 1) predicate = `(${predicate}) && rand % ${sampleRate} == 0`;
    lines.push(`// ${t.arch} ${go}`);
    lines.push(`uprobe:${t.binary}:${PROBED_FUNCTION[mode]} /${predicate}/ {`);
    lines.push(
      `  @alloc[pid, ${goidExpr(t.arch, t.go)}, ustack(perf, ${captureDepth})] = stats(${argExpr(t.arch, t.go, sizeArgIndex(mode, t.go))});`,
    );
    if (mode === 'sampled' && t.memProfileRateAddr !== null)
      lines.push(`  @rate[pid] = max(*(int64*)uptr(0x${t.memProfileRateAddr.toString(16)}));`);
    lines.push('}');
  }
  return lines.join('\n') + '\n';
}

/** Characters bpftrace takes in a uprobe path without quoting trouble. */
export function safeProbePath(path: string): boolean {
  return /^\/[A-Za-z0-9_./+-]+$/.test(path);
}
