/**
 * JSON.parse for query_range answers, with each series' `values` read straight into columns. A fleet's
 * answer holds millions of [seconds, "value"] points: JSON.parse makes an array and a string of each,
 * and spends most of its time collecting them (1-2 us a point measured, against ~0.1 us here; see
 * bench/fleet.ts). Everything else parses as JSON.parse would, and input that is not JSON throws a
 * SyntaxError as JSON.parse does. Linear in the input; nesting is capped.
 */

/** A series' points as columns: unix seconds and readings ("NaN", "+Inf" and "-Inf" as numbers). */
export interface PointColumns {
  t: Float64Array;
  v: Float64Array;
}

const MAX_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A reading as Prometheus writes it: a Go float ("NaN", "+Inf", "-Inf" included). */
function readingOf(text: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  // Number('') and Number(' ') are 0: no reading is not a zero reading.
  return text.trim() === '' ? Number.NaN : Number(text);
}

class MatrixParser {
  private i = 0;
  private readonly s: string;

  constructor(text: string) {
    this.s = text;
  }

  parse(): unknown {
    const value = this.value(0);
    this.space();
    if (this.i < this.s.length) this.fail('unexpected data after the JSON value');
    return value;
  }

  private fail(what: string): never {
    throw new SyntaxError(`${what} at position ${this.i} of the store's answer`);
  }

  private space(): void {
    while (this.i < this.s.length && isSpace(this.s.charCodeAt(this.i))) this.i++;
  }

  private expect(c: number): void {
    this.space();
    if (this.s.charCodeAt(this.i) !== c) this.fail(`expected '${String.fromCharCode(c)}'`);
    this.i++;
  }

  /** Past c (and the space before it) when it comes next; false, nothing consumed but space, otherwise. */
  private skip(c: number): boolean {
    this.space();
    if (this.s.charCodeAt(this.i) !== c) return false;
    this.i++;
    return true;
  }

  private value(depth: number): unknown {
    if (depth >= MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
    this.space();
    const c = this.s.charCodeAt(this.i);
    if (c === OPEN_BRACE) return this.object(depth);
    if (c === OPEN_BRACKET) return this.array(depth);
    if (c === QUOTE) return this.string();
    if (c === 0x2d || isDigit(c)) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    return this.fail(Number.isNaN(c) ? 'unexpected end of the answer' : 'unexpected character');
  }

  private object(depth: number): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    this.space();
    if (this.s.charCodeAt(this.i) === CLOSE_BRACE) {
      this.i++;
      return out;
    }
    for (;;) {
      this.space();
      if (this.s.charCodeAt(this.i) !== QUOTE) this.fail('expected a key');
      const key = this.string();
      this.expect(COLON);
      this.space();
      const value =
        key === 'values' && this.s.charCodeAt(this.i) === OPEN_BRACKET ? this.points(depth) : this.value(depth + 1);
      // As JSON.parse: "__proto__" is an own key, not the object's prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      this.space();
      const next = this.s.charCodeAt(this.i++);
      if (next === CLOSE_BRACE) return out;
      if (next !== COMMA) {
        this.i--;
        this.fail("expected ',' or '}'");
      }
    }
  }

  private array(depth: number): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.space();
    if (this.s.charCodeAt(this.i) === CLOSE_BRACKET) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.space();
      const next = this.s.charCodeAt(this.i++);
      if (next === CLOSE_BRACKET) return out;
      if (next !== COMMA) {
        this.i--;
        this.fail("expected ',' or ']'");
      }
    }
  }

  /** A series' `values`: [[seconds, "reading"], ...] into columns; anything else as plain JSON. */
  private points(depth: number): PointColumns | unknown[] {
    const start = this.i;
    let t = new Float64Array(256);
    let v = new Float64Array(256);
    let n = 0;
    this.i++;
    this.space();
    if (this.s.charCodeAt(this.i) === CLOSE_BRACKET) {
      this.i++;
      return { t: t.subarray(0, 0), v: v.subarray(0, 0) };
    }
    for (;;) {
      this.space();
      if (this.s.charCodeAt(this.i) !== OPEN_BRACKET) break;
      this.i++;
      this.space();
      const c = this.s.charCodeAt(this.i);
      if (!(c === 0x2d || isDigit(c))) break;
      const seconds = this.integer() ?? this.number();
      if (!this.skip(COMMA)) break;
      this.space();
      if (this.s.charCodeAt(this.i) !== QUOTE) break;
      const reading = this.quotedInteger() ?? readingOf(this.string());
      if (!this.skip(CLOSE_BRACKET)) break;
      if (n === t.length) {
        const grownT = new Float64Array(n * 2);
        grownT.set(t);
        t = grownT;
        const grownV = new Float64Array(n * 2);
        grownV.set(v);
        v = grownV;
      }
      t[n] = seconds;
      v[n] = reading;
      n++;
      this.space();
      const next = this.s.charCodeAt(this.i++);
      if (next === CLOSE_BRACKET) return { t: t.subarray(0, n), v: v.subarray(0, n) };
      if (next !== COMMA) {
        this.i--;
        this.fail("expected ',' or ']'");
      }
    }
    // Not the shape of points: read it as plain JSON, and the caller's checks say what is wrong.
    this.i = start;
    return this.array(depth);
  }

  /**
   * A plain integer of up to 15 digits (exact in a double) read digit by digit, the common case of a
   * timestamp; null, with nothing consumed, for anything else (then number() reads it).
   */
  private integer(): number | null {
    const s = this.s;
    let i = this.i;
    let value = 0;
    while (i < s.length && i - this.i < 16) {
      const d = s.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      i++;
    }
    const next = s.charCodeAt(i);
    const digits = i - this.i;
    if (digits === 0 || digits > 15 || (digits > 1 && s.charCodeAt(this.i) === 0x30)) return null;
    if (next === 0x2e || next === 0x65 || next === 0x45 || isDigit(next)) return null;
    this.i = i;
    return value;
  }

  /** A reading that is a quoted plain integer ("104857600", the common case of a byte count); null otherwise. */
  private quotedInteger(): number | null {
    const open = this.i;
    this.i++;
    const value = this.integer();
    if (value !== null && this.s.charCodeAt(this.i) === QUOTE) {
      this.i++;
      return value;
    }
    this.i = open;
    return null;
  }

  private string(): string {
    const s = this.s;
    const open = ++this.i;
    // Most strings have no escapes: one slice.
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === QUOTE) return s.slice(open, this.i++);
      if (c === BACKSLASH || c < 0x20) break;
      this.i++;
    }
    this.i = open;
    let out = '';
    for (;;) {
      if (this.i >= s.length) this.fail('unterminated string');
      const c = s.charCodeAt(this.i);
      if (c === QUOTE) {
        this.i++;
        return out;
      }
      if (c < 0x20) this.fail('control character in a string');
      if (c !== BACKSLASH) {
        const from = this.i;
        while (this.i < s.length) {
          const d = s.charCodeAt(this.i);
          if (d === QUOTE || d === BACKSLASH || d < 0x20) break;
          this.i++;
        }
        out += s.slice(from, this.i);
        continue;
      }
      const e = s[this.i + 1];
      this.i += 2;
      if (e === 'u') {
        const hex = s.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.i += 4;
        continue;
      }
      const simple = ESCAPES[e];
      if (simple === undefined) this.fail('bad escape');
      out += simple;
    }
  }

  /** A JSON number (the grammar checked, the value by Number). */
  private number(): number {
    const s = this.s;
    const from = this.i;
    if (s.charCodeAt(this.i) === 0x2d) this.i++;
    if (s.charCodeAt(this.i) === 0x30) this.i++;
    else if (isDigit(s.charCodeAt(this.i))) while (isDigit(s.charCodeAt(this.i))) this.i++;
    else this.fail('bad number');
    if (s.charCodeAt(this.i) === 0x2e) {
      this.i++;
      if (!isDigit(s.charCodeAt(this.i))) this.fail('bad number');
      while (isDigit(s.charCodeAt(this.i))) this.i++;
    }
    const e = s.charCodeAt(this.i);
    if (e === 0x65 || e === 0x45) {
      this.i++;
      const sign = s.charCodeAt(this.i);
      if (sign === 0x2b || sign === 0x2d) this.i++;
      if (!isDigit(s.charCodeAt(this.i))) this.fail('bad number');
      while (isDigit(s.charCodeAt(this.i))) this.i++;
    }
    return Number(s.slice(from, this.i));
  }
}

const ESCAPES: Record<string, string | undefined> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** JSON.parse, except that every `values` array of [number, string] pairs becomes PointColumns. */
export function parseMatrixJson(text: string): unknown {
  return new MatrixParser(text).parse();
}
