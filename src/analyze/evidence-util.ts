import type { Frame } from '../model/frame.ts';

/** The import path of a Go function name: `net/http.(*conn).serve` -> `net/http`, `main.f.func1` -> `main`. */
export function packageOf(fn: string): string {
  const slash = fn.lastIndexOf('/');
  const dot = fn.indexOf('.', slash + 1);
  return dot < 0 ? fn : fn.slice(0, dot);
}

/** Go's own packages: no dot in the first path element (github.com/... has one), and not `main`. */
export function isStdlib(fn: string): boolean {
  const pkg = packageOf(fn);
  if (pkg === 'main' || pkg === '') return false;
  const first = pkg.split('/')[0];
  return !first.includes('.');
}

export function isRuntime(fn: string): boolean {
  return fn.startsWith('runtime.') || fn.startsWith('runtime/internal/') || fn.startsWith('internal/runtime/');
}

/** The first frame outside the standard library (the application's), or null. */
export function applicationFrame(frames: readonly Frame[]): Frame | null {
  return frames.find((f) => !isStdlib(f.fn)) ?? null;
}

export function shortFile(file: string): string {
  if (file === '') return '';
  // Go's own sources: keep from "src/" on; others: the last two path elements.
  const src = file.lastIndexOf('/src/');
  if (src >= 0 && /\/go(-[\d.]+)?\/src\/|\/goroot\/src\/|\/usr\/local\/go\/src\//.test(file))
    return file.slice(src + 5);
  return file.split('/').slice(-2).join('/');
}

export function frameText(f: Frame): string {
  return f.file ? `${f.fn} ${shortFile(f.file)}:${f.line}` : f.fn;
}

export function locationText(f: Frame | undefined | null): string | null {
  return f && f.file ? `${shortFile(f.file)}:${f.line}` : null;
}

/** Frames with the leading runtime frames dropped (all of them kept when nothing else is left). */
export function trimRuntime(frames: readonly Frame[]): Frame[] {
  const i = frames.findIndex((f) => !isRuntime(f.fn));
  return i < 0 ? [...frames] : frames.slice(i);
}

const MAX_THEIL_SEN_POINTS = 40;

/**
 * Robust growth of a series over its span: the Theil-Sen slope (median of all pairwise slopes) times
 * the span. One snapshot caught in a burst moves it little; two points give plain end minus start.
 */
export function robustGrowth(times: readonly number[], values: readonly number[]): number {
  const n = times.length;
  if (n < 2) return 0;
  let idx = [...Array(n).keys()];
  if (n > MAX_THEIL_SEN_POINTS) {
    idx = [...Array(MAX_THEIL_SEN_POINTS).keys()].map((k) => Math.round((k * (n - 1)) / (MAX_THEIL_SEN_POINTS - 1)));
  }
  const slopes: number[] = [];
  for (let a = 0; a < idx.length; a++) {
    for (let b = a + 1; b < idx.length; b++) {
      const dt = times[idx[b]] - times[idx[a]];
      if (dt > 0) slopes.push((values[idx[b]] - values[idx[a]]) / dt);
    }
  }
  if (slopes.length === 0) return 0;
  slopes.sort((x, y) => x - y);
  const mid = slopes.length >> 1;
  const median = slopes.length % 2 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
  return median * (times[n - 1] - times[0]);
}

/**
 * How far a series strays from its robust line (Theil-Sen slope, median intercept): 1.4826 times the
 * median absolute residual, a standard deviation for normal noise that ignores the odd outlier.
 */
export function robustScatter(times: readonly number[], values: readonly number[], growth: number): number {
  const n = times.length;
  if (n < 3) return 0;
  const span = times[n - 1] - times[0];
  const slope = span > 0 ? growth / span : 0;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const intercept = median(values.map((v, i) => v - slope * times[i]));
  return 1.4826 * median(values.map((v, i) => Math.abs(v - intercept - slope * times[i])));
}

export function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}
