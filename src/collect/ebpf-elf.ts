// A small ELF reader for what the tracer needs from a Go binary: its architecture, its symbol table
// (are the probed functions there, where are runtime.MemProfileRate and friends), and its Go version
// (from the .go.buildinfo section, as `go version -m` reads it, else runtime.buildVersion).
import { readFileSync } from 'node:fs';

export type ElfArch = 'amd64' | 'arm64';

export interface ElfSymbol {
  name: string;
  /** Virtual address (as linked). */
  value: bigint;
  size: bigint;
}

export interface GoBinary {
  path: string;
  /** amd64 / arm64, or the ELF machine number of anything else. */
  arch: ElfArch | `machine ${number}`;
  /** ET_DYN (PIE): addresses in a process are shifted by its load base. */
  pie: boolean;
  /** False when the binary was stripped (no .symtab): uprobes by name are impossible. */
  hasSymtab: boolean;
  /** `go1.19.8`, or null when it is not a Go binary or the version cannot be read. */
  goVersion: string | null;
  /** Function symbols sorted by address, for symbolizing raw addresses. */
  functions: ElfSymbol[];
  symbol(name: string): ElfSymbol | null;
  /** The initial value of `length` bytes at a virtual address (zeros in .bss), or null outside the file's sections. */
  read(vaddr: bigint, length: number): Buffer | null;
}

interface Section {
  name: string;
  type: number;
  addr: bigint;
  offset: bigint;
  size: bigint;
  link: number;
  entsize: bigint;
}

const SHT_SYMTAB = 2;
const SHT_NOBITS = 8;
const STT_FUNC = 2;
const MACHINE: Record<number, ElfArch> = { 62: 'amd64', 183: 'arm64' };

function cstring(buf: Buffer, at: number): string {
  const end = buf.indexOf(0, at);
  return buf.toString('latin1', at, end < 0 ? buf.length : end);
}

/** Parses an ELF file; throws with a readable message when it is not a 64-bit little-endian ELF. */
export function readGoBinary(path: string, data: Buffer = readFileSync(path)): GoBinary {
  if (data.length < 64 || data.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path} is not an ELF executable`);
  if (data[4] !== 2 || data[5] !== 1) throw new Error(`${path} is not a 64-bit little-endian ELF file`);
  const type = data.readUInt16LE(16);
  const machine = data.readUInt16LE(18);
  const shoff = Number(data.readBigUInt64LE(40));
  const shentsize = data.readUInt16LE(58);
  const shnum = data.readUInt16LE(60);
  const shstrndx = data.readUInt16LE(62);
  const sections: Section[] = [];
  if (shoff > 0 && shoff + shnum * shentsize <= data.length) {
    for (let i = 0; i < shnum; i++) {
      const at = shoff + i * shentsize;
      sections.push({
        name: '',
        type: data.readUInt32LE(at + 4),
        addr: data.readBigUInt64LE(at + 16),
        offset: data.readBigUInt64LE(at + 24),
        size: data.readBigUInt64LE(at + 32),
        link: data.readUInt32LE(at + 40),
        entsize: data.readBigUInt64LE(at + 56),
      });
      sections[i].name = '';
    }
    const strtab = sections[shstrndx];
    if (strtab) {
      for (let i = 0; i < shnum; i++) {
        const nameOff = data.readUInt32LE(shoff + i * shentsize);
        sections[i].name = cstring(data, Number(strtab.offset) + nameOff);
      }
    }
  }
  const symbols = new Map<string, ElfSymbol>();
  const functions: ElfSymbol[] = [];
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (symtab && symtab.entsize > 0n) {
    const names = sections[symtab.link];
    const count = Number(symtab.size / symtab.entsize);
    for (let i = 1; i < count; i++) {
      const at = Number(symtab.offset) + i * Number(symtab.entsize);
      if (at + 24 > data.length) break;
      const name = cstring(data, Number(names.offset) + data.readUInt32LE(at));
      const info = data[at + 4];
      const sym = { name, value: data.readBigUInt64LE(at + 8), size: data.readBigUInt64LE(at + 16) };
      if (name !== '' && !symbols.has(name)) symbols.set(name, sym);
      if ((info & 0xf) === STT_FUNC && sym.value > 0n) functions.push(sym);
    }
    functions.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  const read = (vaddr: bigint, length: number): Buffer | null => {
    for (const s of sections) {
      if (s.addr === 0n) continue;
      if (vaddr >= s.addr && vaddr + BigInt(length) <= s.addr + s.size) {
        if (s.type === SHT_NOBITS) return Buffer.alloc(length); // .bss: zero until the program writes it
        const at = Number(s.offset + (vaddr - s.addr));
        return at + length <= data.length ? data.subarray(at, at + length) : null;
      }
    }
    return null;
  };
  const binary: GoBinary = {
    path,
    arch: MACHINE[machine] ?? `machine ${machine}`,
    pie: type === 3,
    hasSymtab: symtab !== undefined && symbols.size > 0,
    goVersion: null,
    functions,
    symbol: (name) => symbols.get(name) ?? null,
    read,
  };
  const buildinfo = sections.find((s) => s.name === '.go.buildinfo');
  binary.goVersion =
    (buildinfo
      ? buildinfoVersion(data.subarray(Number(buildinfo.offset), Number(buildinfo.offset + buildinfo.size)), read)
      : null) ?? buildVersionSymbol(binary);
  return binary;
}

const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');

function uvarint(buf: Buffer, at: number): { value: number; next: number } | null {
  let value = 0;
  let shift = 0;
  for (let i = at; i < buf.length && i < at + 10; i++) {
    value += (buf[i] & 0x7f) * 2 ** shift;
    if ((buf[i] & 0x80) === 0) return { value, next: i + 1 };
    shift += 7;
  }
  return null;
}

/** The Go version in a .go.buildinfo section: inline (Go 1.18+) or behind pointers (Go 1.13-1.17). */
export function buildinfoVersion(
  section: Buffer,
  read: (vaddr: bigint, length: number) => Buffer | null,
): string | null {
  if (section.length < 32 || !section.subarray(0, 14).equals(BUILDINFO_MAGIC)) return null;
  const ptrSize = section[14];
  const flags = section[15];
  if (flags & 2) {
    const len = uvarint(section, 32);
    if (!len || len.next + len.value > section.length) return null;
    return section.toString('utf8', len.next, len.next + len.value) || null;
  }
  if (ptrSize !== 8 || flags & 1) return null; // big-endian or 32-bit: not something we trace
  const header = read(section.readBigUInt64LE(16), 16);
  if (!header) return null;
  const str = read(header.readBigUInt64LE(0), Number(header.readBigUInt64LE(8)));
  return str ? str.toString('utf8') || null : null;
}

function buildVersionSymbol(binary: GoBinary): string | null {
  const sym = binary.symbol('runtime.buildVersion');
  if (!sym) return null;
  const header = binary.read(sym.value, 16);
  if (!header) return null;
  const len = Number(header.readBigUInt64LE(8));
  if (len <= 0 || len > 64) return null;
  return binary.read(header.readBigUInt64LE(0), len)?.toString('utf8') ?? null;
}

/** `go1.19.8` -> [1, 19]; `devel go1.23-abc` -> [1, 23]; null when unreadable. */
export function goMinor(version: string | null): [number, number] | null {
  const m = version ? /go(\d+)\.(\d+)/.exec(version) : null;
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The function symbol holding an address (linked address), or null. */
export function functionAt(binary: GoBinary, addr: bigint): { name: string; offset: bigint } | null {
  const fns = binary.functions;
  let lo = 0;
  let hi = fns.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fns[mid].value <= addr) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return null;
  const fn = fns[found];
  if (fn.size > 0n && addr >= fn.value + fn.size) return null;
  return { name: fn.name, offset: addr - fn.value };
}
