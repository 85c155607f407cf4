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

const HEADER = /^goroutine (\d+)(?: [^[]*)? \[([^\]]*)\]:\s*$/;
const FILE_LINE = /^\s+(.*?):(\d+)(?: \+0x[0-9a-f]+)?\s*$/;
const CREATED_BY = /^created by (.+?)(?: in goroutine \d+)?\s*$/;

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
  const flushPending = () => {
    if (pending && current) {
      const frame = { fn: pending.fn, file: '', line: 0 };
      if (pending.created) current.createdBy = frame;
      else current.frames.push(frame);
    }
    pending = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line === '') {
      flushPending();
      current = null;
      continue;
    }
    const header = HEADER.exec(line);
    if (header) {
      flushPending();
      const { state, waitMinutes } = parseState(header[2]);
      current = { id: Number(header[1]), state, waitMinutes, frames: [], createdBy: null };
      goroutines.push(current);
      continue;
    }
    if (!current) {
      strange++;
      firstStrange ||= line;
      continue;
    }
    const fileLine = FILE_LINE.exec(line);
    if (fileLine && pending) {
      const frame = { fn: pending.fn, file: fileLine[1], line: Number(fileLine[2]) };
      if (pending.created) current.createdBy = frame;
      else current.frames.push(frame);
      pending = null;
      continue;
    }
    if (/^\s/.test(line) || line.startsWith('...')) {
      // "...additional frames elided..." or an indented line without a call before it.
      if (!line.includes('elided')) {
        strange++;
        firstStrange ||= line;
      }
      continue;
    }
    flushPending();
    const created = CREATED_BY.exec(line);
    pending = created ? { fn: created[1], created: true } : { fn: functionOfCall(line), created: false };
  }
  const last = goroutines[goroutines.length - 1];
  const unfinished = pending !== null;
  flushPending();
  if (goroutines.length === 0) {
    const what = text.trim() === '' ? 'it is empty' : `its first line is "${(firstStrange || text.trim().split('\n')[0]).slice(0, 80)}"`;
    throw new Error(`not a goroutine dump in the debug=2 format (${what})`);
  }
  if (unfinished || cutMidLine || (last && last.frames.length === 0 && last.createdBy === null)) {
    problems.push(`the dump ends in the middle of goroutine ${last.id} (truncated?)`);
  }
  if (strange > 0) problems.push(`${strange} line(s) not understood, the first: "${firstStrange.slice(0, 80)}"`);
  return { goroutines, problems };
}
