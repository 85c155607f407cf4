import type { Frame } from '../model/frame.ts';

/** One goroutine of a `goroutine?debug=2` dump (the panic-style text). */
export interface Goroutine {
  id: number;
  /** The wait state as Go prints it: `chan send`, `select`, `IO wait`, `running`... */
  state: string;
  /** Minutes it has been waiting; Go prints it from one minute on, so null means under a minute. */
  waitMinutes: number | null;
  /** Innermost first. */
  frames: Frame[];
  /** The `go` statement that started it; null for the main goroutine and runtime ones. */
  createdBy: Frame | null;
}

export interface GoroutineDump {
  goroutines: Goroutine[];
  /** Problems met while reading: lines not understood, a dump cut short. Empty for a clean dump. */
  problems: string[];
}

// The dump comes from the service under test, so it is untrusted: every line is read by hand in one
// pass (no regex that backtracks over a line), and what is kept of it is bounded.

/** Frames kept per goroutine (Go itself prints at most 100 before "...additional frames elided..."). */
export const MAX_GOROUTINE_FRAMES = 128;
/** Characters kept of a function name or file path; longer ones are cut and end in "…". */
export const MAX_FRAME_TEXT = 1024;

const clip = (text: string) => (text.length > MAX_FRAME_TEXT ? `${text.slice(0, MAX_FRAME_TEXT - 1)}…` : text);
const isDigits = (text: string) => text.length > 0 && text.length <= 15 && /^\d+$/.test(text);
const isSpace = (c: string | undefined) => c !== undefined && c.trim() === '';

/** Text that holds no goroutine at all: some other format. The only error the parser throws. */
export class DumpFormatError extends Error {
  override name = 'DumpFormatError';
}

/** `goroutine N [STATE]:` (older Go) or `goroutine N gp=... m=... [STATE]:` (newer), trailing space already cut. */
function parseHeader(line: string): { id: number; inside: string } | null {
  if (!line.startsWith('goroutine ') || !line.endsWith(']:')) return null;
  let end = 10;
  while (end < line.length && line[end] >= '0' && line[end] <= '9') end++;
  const digits = line.slice(10, end);
  const open = line.indexOf('[', end);
  if (!isDigits(digits) || open < 0) return null;
  // Between the id and "[": one space, or " words " (without "[").
  const between = line.slice(end, open);
  if (!between.startsWith(' ') || !between.endsWith(' ')) return null;
  const inside = line.slice(open + 1, -2);
  if (inside.includes(']')) return null;
  return { id: Number(digits), inside };
}

/** `\t/src/file.go:42 +0x1f` (trailing space already cut) -> file and line, or null. */
function parseFileLine(line: string): { file: string; line: number } | null {
  if (!isSpace(line[0])) return null;
  let text = line.trimStart();
  const plus = text.lastIndexOf(' +0x');
  if (plus >= 0 && /^[0-9a-f]+$/.test(text.slice(plus + 4))) text = text.slice(0, plus);
  const colon = text.lastIndexOf(':');
  if (colon < 0 || !isDigits(text.slice(colon + 1))) return null;
  return { file: clip(text.slice(0, colon)), line: Number(text.slice(colon + 1)) };
}

/** `created by main.start in goroutine 1` -> `main.start`, or null when the line is no creator line. */
function parseCreatedBy(line: string): string | null {
  if (!line.startsWith('created by ')) return null;
  let fn = line.slice('created by '.length);
  const inG = fn.lastIndexOf(' in goroutine ');
  if (inG >= 0 && isDigits(fn.slice(inG + ' in goroutine '.length))) fn = fn.slice(0, inG);
  return fn === '' ? null : fn;
}

/** `net/http.(*conn).serve(0xc000, {0x7b, 0xc0})` -> `net/http.(*conn).serve`: cut the final argument list. */
export function functionOfCall(text: string): string {
  const line = text.trim();
  if (!line.endsWith(')')) return line;
  let depth = 0;
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i];
    if (c === ')') depth++;
    else if (c === '(') {
      depth--;
      if (depth === 0) return i > 0 ? line.slice(0, i) : line;
    }
  }
  return line;
}

function parseState(inside: string): { state: string; waitMinutes: number | null } {
  const parts = inside.split(', ');
  let waitMinutes: number | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    const minutes = /^(\d+) minutes?$/.exec(part);
    if (minutes) waitMinutes = Number(minutes[1]);
    else if (part !== 'locked to thread' && part !== 'scan') rest.push(part);
  }
  return { state: rest.join(', ') || 'unknown', waitMinutes };
}

/**
 * Reads a `/debug/pprof/goroutine?debug=2` dump. Lenient: a truncated dump gives the goroutines it
 * holds plus a problem; text that holds no goroutine at all throws (it is some other format).
 */
export function parseGoroutineDump(text: string): GoroutineDump {
  const lines = text.split(/\r?\n/);
  // Go ends every line with a newline: a last line without one was cut off mid-line.
  const cutMidLine = text !== '' && !text.endsWith('\n');
  if (cutMidLine) lines.pop();
  const goroutines: Goroutine[] = [];
  const problems: string[] = [];
  let current: Goroutine | null = null;
  let pending: { fn: string; created: boolean } | null = null;
  let strange = 0;
  let firstStrange = '';
  let framesCut = 0;
  const addFrame = (frame: Frame) => {
    if (!current) return;
    if (pending?.created) current.createdBy = frame;
    else if (current.frames.length < MAX_GOROUTINE_FRAMES) current.frames.push(frame);
    else framesCut++;
  };
  const flushPending = () => {
    if (pending) addFrame({ fn: pending.fn, file: '', line: 0 });
    pending = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '') {
      flushPending();
      current = null;
      continue;
    }
    const header = parseHeader(line);
    if (header) {
      flushPending();
      const { state, waitMinutes } = parseState(clip(header.inside));
      current = { id: header.id, state, waitMinutes, frames: [], createdBy: null };
      goroutines.push(current);
      continue;
    }
    if (!current) {
      strange++;
      firstStrange ||= line;
      continue;
    }
    const fileLine = pending ? parseFileLine(line) : null;
    if (fileLine && pending) {
      addFrame({ fn: pending.fn, ...fileLine });
      pending = null;
      continue;
    }
    if (isSpace(line[0]) || line.startsWith('...')) {
      // "...additional frames elided..." or an indented line without a call before it.
      if (!line.includes('elided')) {
        strange++;
        firstStrange ||= line;
      }
      continue;
    }
    flushPending();
    const created = parseCreatedBy(line);
    pending =
      created !== null ? { fn: clip(created), created: true } : { fn: clip(functionOfCall(line)), created: false };
  }
  const last = goroutines[goroutines.length - 1];
  const unfinished = pending !== null;
  flushPending();
  if (goroutines.length === 0) {
    const what =
      text.trim() === ''
        ? 'it is empty'
        : `its first line is "${(firstStrange || text.trim().split('\n')[0]).slice(0, 80)}"`;
    throw new DumpFormatError(`not a goroutine dump in the debug=2 format (${what})`);
  }
  if (unfinished || cutMidLine || (last && last.frames.length === 0 && last.createdBy === null)) {
    problems.push(`the dump ends in the middle of goroutine ${last.id} (truncated?)`);
  }
  if (framesCut > 0) problems.push(`${framesCut} frame(s) beyond ${MAX_GOROUTINE_FRAMES} per goroutine left out`);
  if (strange > 0) problems.push(`${strange} line(s) not understood, the first: "${firstStrange.slice(0, 80)}"`);
  return { goroutines, problems };
}
