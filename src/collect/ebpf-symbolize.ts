// Addresses the tracer walked to -> function, file and line. The tracer's own symbolization needs
// the process alive at print time; this works from the binary alone, so a workload that exited
// mid-trace keeps its stacks. In order of preference: binutils addr2line (DWARF, inlined frames
// expanded, as pprof shows them), `go tool addr2line` (Go's pclntab), the ELF symbol table (names only).
import type { Frame } from '../model/frame.ts';
import { functionAt, type GoBinary } from './ebpf-elf.ts';
import { runHelperSync } from '../workload/helper.ts';

export type SymbolizerName = 'addr2line' | 'go tool addr2line' | 'symtab';

export interface Symbolized {
  /** Per linked address looked up: frames, innermost (inlined) first. */
  frames: Map<bigint, Frame[]>;
  /** What gave the file:line information, or `symtab` (none: function names only). */
  via: SymbolizerName;
}

const TIMEOUT_MS = 20_000;
const MAX_BUFFER = 64 * 1024 * 1024;

function hex(addr: bigint): string {
  return `0x${addr.toString(16)}`;
}

function parseFileLine(text: string): { file: string; line: number } {
  // `/src/x.go:32`, `/src/x.go:32 (discriminator 1)`, `??:0`, `?:?`
  const m = /^(.*):(\d+)(?: \(discriminator \d+\))?$/.exec(text.trim());
  if (!m || m[1] === '??' || m[1] === '?') return { file: '', line: 0 };
  return { file: m[1], line: Number(m[2]) };
}

/** binutils addr2line -a -f -i: per address a `0x...` line, then (function, file:line) pairs, innermost first. */
export function parseAddr2line(output: string): Map<bigint, Frame[]> {
  const result = new Map<bigint, Frame[]>();
  const lines = output.split('\n');
  let current: Frame[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^0x[0-9a-f]+$/i.test(line)) {
      current = [];
      result.set(BigInt(line), current);
      continue;
    }
    if (!current || line === '') continue;
    const where = parseFileLine(lines[i + 1] ?? '');
    i++;
    if (line !== '??') current.push({ fn: line, ...where });
  }
  return result;
}

/** `go tool addr2line`: per address one function line and one file:line line, in input order. */
export function parseGoAddr2line(output: string, addrs: readonly bigint[]): Map<bigint, Frame[]> {
  const result = new Map<bigint, Frame[]>();
  const lines = output.split('\n');
  for (const [i, addr] of addrs.entries()) {
    const fn = lines[2 * i];
    if (fn === undefined) break;
    if (fn === '?' || fn === '') continue;
    result.set(addr, [{ fn, ...parseFileLine(lines[2 * i + 1] ?? '') }]);
  }
  return result;
}

/** A failed symbolizer is not an error: the next one in the order is tried (symtab last, which always works). */
function run(file: string, args: string[], input: string): string | null {
  const result = runHelperSync(file, args, { input, timeoutMs: TIMEOUT_MS, maxBuffer: MAX_BUFFER });
  return result.ok ? result.stdout : null;
}

const useful = (map: Map<bigint, Frame[]>, addrs: readonly bigint[]) =>
  addrs.filter((a) => map.get(a)?.some((f) => f.file !== '')).length >= addrs.length / 2;

/**
 * Symbolizes linked addresses of a binary. Never throws: without either addr2line, the symbol
 * table gives function names without file:line.
 */
export function symbolize(
  binary: GoBinary,
  addrs: readonly bigint[],
  tools: { addr2line?: string | null; go?: string | null } = {},
): Symbolized {
  const unique = [...new Set(addrs)];
  const fromSymtab = () => {
    const map = new Map<bigint, Frame[]>();
    for (const a of unique) {
      const fn = functionAt(binary, a);
      if (fn) map.set(a, [{ fn: fn.name, file: '', line: 0 }]);
    }
    return map;
  };
  if (unique.length === 0) return { frames: new Map(), via: 'symtab' };
  const input = unique.map(hex).join('\n') + '\n';
  const addr2line = tools.addr2line === undefined ? 'addr2line' : tools.addr2line;
  if (addr2line) {
    const out = run(addr2line, ['-a', '-f', '-i', '-e', binary.path], input);
    const map = out === null ? null : parseAddr2line(out);
    if (map && useful(map, unique)) return { frames: fillGaps(map, fromSymtab()), via: 'addr2line' };
  }
  const go = tools.go === undefined ? 'go' : tools.go;
  if (go) {
    const out = run(go, ['tool', 'addr2line', binary.path], input);
    const map = out === null ? null : parseGoAddr2line(out, unique);
    if (map && useful(map, unique)) return { frames: fillGaps(map, fromSymtab()), via: 'go tool addr2line' };
  }
  return { frames: fromSymtab(), via: 'symtab' };
}

function fillGaps(primary: Map<bigint, Frame[]>, fallback: Map<bigint, Frame[]>): Map<bigint, Frame[]> {
  for (const [addr, frames] of fallback) if (!primary.get(addr)?.length) primary.set(addr, frames);
  return primary;
}

/** Finds a tool on PATH (absolute path) or null. */
export function which(name: string, pathEnv: string = process.env.PATH ?? ''): string | null {
  // /bin/sh by path: the PATH given is where the tool is looked for, and need not hold a shell.
  const result = runHelperSync('/bin/sh', ['-c', 'command -v "$1"', 'sh', name], {
    timeoutMs: 10_000,
    env: { PATH: pathEnv },
    onlyEnv: true,
  });
  const path = result.stdout.trim();
  return result.ok && path ? path : null;
}
