// Reads bpftrace's text output of the allocation tracer. Text, not `-f json`: with JSON, two raw
// stacks that symbolize alike become two identical keys of one object and a plain JSON.parse keeps
// only the last. Here every printed entry is kept; aggregation by symbolized stack comes later.
// Pure; never throws: what it cannot read is counted and quoted for a warning.
import { ATTACHED_MARKER } from './ebpf-script.ts';

export interface RawFrame {
  /** The address bpftrace walked to (a return address, except the probed function's own entry). */
  addr: bigint;
  /** Symbol as bpftrace printed it (`main.f`), or null when it printed only an address. */
  symbol: string | null;
  /** Offset into that symbol. */
  offset: number;
}

export interface RawRecord {
  pid: number;
  goid: number;
  /** Innermost first. */
  frames: RawFrame[];
  count: number;
  total: number;
}

export interface ParsedTrace {
  /** The BEGIN probe's marker was seen: the probes were attached. */
  attached: boolean;
  records: RawRecord[];
  /** runtime.MemProfileRate per pid (sampled mode). */
  rates: Map<number, number>;
  /** Lines (or entries) that could not be read, and the first of them. */
  skipped: number;
  firstSkipped: string | null;
  /** The output ended inside an entry (the tracer was killed while printing). */
  truncated: boolean;
  /** Frames beyond MAX_TRACE_FRAMES in one entry, left out (the innermost ones are kept). */
  framesCut: number;
}

/**
 * Frames kept per printed stack. bpftrace walks at most 127 by default; the analysis keeps
 * --stack-depth (at most 64) application frames below the allocator's own.
 */
export const MAX_TRACE_FRAMES = 256;
/** Characters kept of a symbol; a longer one is cut. */
export const MAX_SYMBOL_TEXT = 1024;

const ENTRY_START = /^@alloc\[(\d+), (\d+), ?$/;
const ENTRY_END = /^\]: count (\d+), average (-?\d+), total (-?\d+)\s*$/;
const RATE = /^@rate\[(\d+)\]: (-?\d+)\s*$/;
const NOISE = /^(Attaching \d+ probes?\.\.\.|\s*)$/;

const isHex = (c: string) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

/**
 * A frame line, `\t42e140 runtime.mProf_Malloc+0 (/path/bin)` or `\t42e140 0x42e140 ([unknown])`,
 * read by hand: the output holds symbols of the traced binary, so no regex may backtrack over it.
 */
function parseFrame(line: string): RawFrame | null {
  if (line === '' || line[0].trim() !== '') return null;
  let i = 0;
  while (i < line.length && line[i].trim() === '') i++;
  const hexStart = i;
  while (i < line.length && isHex(line[i])) i++;
  // 16 hex digits are a 64-bit address; more is not an address.
  if (i === hexStart || i - hexStart > 16) return null;
  const addr = BigInt(`0x${line.slice(hexStart, i)}`);
  let rest = line.slice(i).trimEnd();
  if (rest !== '' && rest[0] !== ' ') return null;
  // The module in parentheses at the end is not needed: the side's binary is known.
  if (rest.endsWith(')')) {
    const open = rest.lastIndexOf(' (');
    if (open >= 0 && !rest.slice(open + 2, -1).includes(')')) rest = rest.slice(0, open);
  }
  let text = rest.trim();
  if (text.length > MAX_SYMBOL_TEXT) text = text.slice(0, MAX_SYMBOL_TEXT);
  if (text === '' || /^0x[0-9a-f]+$/i.test(text)) return { addr, symbol: null, offset: 0 };
  const plus = text.lastIndexOf('+');
  if (plus > 0 && /^\d+$/.test(text.slice(plus + 1)))
    return { addr, symbol: text.slice(0, plus), offset: Number(text.slice(plus + 1)) };
  return { addr, symbol: text, offset: 0 };
}

export function parseBpftraceOutput(text: string): ParsedTrace {
  const out: ParsedTrace = {
    attached: false,
    records: [],
    rates: new Map(),
    skipped: 0,
    firstSkipped: null,
    truncated: false,
    framesCut: 0,
  };
  const skip = (line: string) => {
    out.skipped++;
    out.firstSkipped ??= line.length > 120 ? `${line.slice(0, 120)}...` : line;
  };
  let open: { pid: number; goid: number; frames: RawFrame[]; header: string } | null = null;
  for (const line of text.split('\n')) {
    if (open) {
      const frame = parseFrame(line);
      if (frame) {
        if (open.frames.length < MAX_TRACE_FRAMES) open.frames.push(frame);
        else out.framesCut++;
        continue;
      }
      const end = ENTRY_END.exec(line);
      if (end) {
        const count = Number(end[1]);
        const total = Number(end[3]);
        if (Number.isSafeInteger(count) && Number.isSafeInteger(total) && count > 0 && total >= 0) {
          out.records.push({ pid: open.pid, goid: open.goid, frames: open.frames, count, total });
        } else {
          skip(line);
        }
        open = null;
        continue;
      }
      // Anything else inside an entry breaks it: drop the entry, then read the line afresh.
      skip(open.header);
      open = null;
    }
    if (line.trim() === ATTACHED_MARKER) {
      out.attached = true;
      continue;
    }
    const start = ENTRY_START.exec(line);
    if (start) {
      open = { pid: Number(start[1]), goid: Number(start[2]), frames: [], header: line };
      continue;
    }
    const rate = RATE.exec(line);
    if (rate) {
      out.rates.set(Number(rate[1]), Number(rate[2]));
      continue;
    }
    if (NOISE.test(line)) continue;
    skip(line);
  }
  if (open) out.truncated = true;
  return out;
}
