#!/usr/bin/env node
import { createRequire as __memgateRequire } from 'node:module'; const require = __memgateRequire(import.meta.url);

// src/cli-impl.ts
import { parseArgs } from "node:util";

// src/constants.ts
var VERSION = "0.1.0";
var REPORT_SCHEMA = "memgate/report@1";
var BUNDLE_SCHEMA = "memgate/bundle@1";
var ExitCode = {
  Pass: 0,
  Blocked: 1,
  Usage: 2,
  Inconclusive: 3
};
var Option = {
  Baseline: "baseline",
  Gray: "gray",
  Warmup: "warmup",
  Duration: "duration",
  Interval: "interval",
  MaxP95Increase: "max-p95-increase",
  MaxSlopeIncrease: "max-slope-increase",
  MinSlope: "min-slope",
  MemoryMax: "memory-max",
  Load: "load",
  CgroupDriver: "cgroup-driver",
  Out: "out",
  OnInconclusive: "on-inconclusive",
  ReadyTimeout: "ready-timeout"
};
var Defaults = {
  warmup: "10s",
  duration: "60s",
  interval: "250ms",
  maxP95Increase: "12%",
  maxSlopeIncrease: "100%",
  minSlope: "1MiB/min",
  cgroupDriver: "auto",
  out: "memgate-out",
  onInconclusive: "fail",
  readyTimeout: "30s"
};
var BundleFile = {
  Dir: "bundle",
  Meta: "meta.json",
  Samples: "samples.jsonl",
  Stats: "stat.jsonl",
  Final: "final.json",
  Log: "workloads.log"
};
var ReportFile = "report.json";
var Placeholder = { Port: "{port}", Url: "{url}" };

// src/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/config/units.ts
var DURATION_UNITS = { ms: 1, s: 1e3, m: 6e4, min: 6e4, h: 36e5 };
function parseDuration(text, option) {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|min|m|h)/g)];
  const joined = parts.map((p) => p[0]).join("");
  if (parts.length === 0 || joined !== trimmed) {
    throw new UsageError(`--${option}: "${text}" is not a duration; write a number with a unit, like 250ms, 10s, 2m or 1m30s.`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0);
}
var SIZE_UNITS = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  ki: 1024,
  kib: 1024,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  gi: 1024 ** 3,
  gib: 1024 ** 3
};
function parseSize(text, option) {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match?.[2].toLowerCase() ?? "";
  if (!match || !(unit in SIZE_UNITS)) {
    throw new UsageError(`--${option}: "${text}" is not a size; write bytes with a unit, like 512MiB, 2GiB or 800M.`);
  }
  return Math.round(Number(match[1]) * SIZE_UNITS[unit]);
}
function parseRate(text, option) {
  const match = /^(.+?)\s*\/\s*(s|sec|m|min|h)$/i.exec(text.trim());
  if (!match) {
    throw new UsageError(`--${option}: "${text}" is not a rate; write a size per time, like 1MiB/min or 16KiB/s.`);
  }
  const perSecond = { s: 1, sec: 1, m: 60, min: 60, h: 3600 }[match[2].toLowerCase()] ?? 1;
  return parseSize(match[1], option) / perSecond;
}
function parsePercent(text, option) {
  const match = /^(-?\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  if (!match || Number(match[1]) < 0) {
    throw new UsageError(`--${option}: "${text}" is not a percentage; write a non-negative number like 12% or 100%.`);
  }
  return Number(match[1]) / 100;
}
function formatBytes(bytes2) {
  const sign = bytes2 < 0 ? "-" : "";
  let value2 = Math.abs(bytes2);
  for (const unit of ["B", "KiB", "MiB", "GiB"]) {
    if (value2 < 1024 || unit === "GiB") return `${sign}${unit === "B" ? value2.toFixed(0) : value2.toFixed(1)} ${unit}`;
    value2 /= 1024;
  }
  return `${sign}${value2} B`;
}
function formatRate(bytesPerSec) {
  return `${formatBytes(bytesPerSec * 60)}/min`;
}
function formatPercent(ratio) {
  if (ratio === null || !Number.isFinite(ratio)) return "n/a";
  return `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(1)}%`;
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 12e4) return `${(ms / 1e3).toFixed(ms % 1e3 === 0 ? 0 : 1)}s`;
  if (ms < 72e5) return `${(ms / 6e4).toFixed(1)}min`;
  return `${(ms / 36e5).toFixed(1)}h`;
}

// src/config/command-check.ts
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
var SHELL_BUILTINS = /* @__PURE__ */ new Set(["exec", "env", "cd", "export", "set", "eval", ".", "source", "ulimit", "nice", "nohup", "sh", "bash"]);
function programOf(command) {
  const words = command.trim().split(/\s+/);
  const first = words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  if (!first || /["'$`\\(){};|&<>]/.test(first)) return null;
  return first;
}
function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function checkCommand(command, side, context) {
  const program = programOf(command);
  if (program === null || SHELL_BUILTINS.has(program)) return;
  if (program.includes("/")) {
    const path = isAbsolute(program) ? program : resolve(context.cwd, program);
    if (!isExecutableFile(path)) {
      throw new UsageError(`--${side}: "${program}" is not an executable file (looked at ${path}); build it first or fix the path.`);
    }
    return;
  }
  const found = context.pathEnv.split(delimiter).some((dir) => dir !== "" && isExecutableFile(join(dir, program)));
  if (!found) {
    throw new UsageError(`--${side}: command "${program}" was not found on PATH; install it or give its path, like ./bin/${program}.`);
  }
}

// src/config/plan.ts
var SIDES = ["baseline", "gray"];
var DRIVER_CHOICES = ["auto", "v2", "systemd", "v1", "none"];
function value(raw, name) {
  const v = raw[name]?.trim();
  return v === void 0 || v === "" ? void 0 : v;
}
function parseJudgeSettings(raw, recordedWarmupMs) {
  const get = (name) => value(raw, name);
  const onInconclusive = get(Option.OnInconclusive) ?? Defaults.onInconclusive;
  if (onInconclusive !== "fail" && onInconclusive !== "pass") {
    throw new UsageError(`--${Option.OnInconclusive}: "${onInconclusive}" is not allowed; use "fail" (default) or "pass".`);
  }
  const warmupText = get(Option.Warmup);
  return {
    warmupMs: warmupText === void 0 && recordedWarmupMs !== void 0 ? recordedWarmupMs : parseDuration(warmupText ?? Defaults.warmup, Option.Warmup),
    onInconclusive,
    limits: {
      maxP95Increase: parsePercent(get(Option.MaxP95Increase) ?? Defaults.maxP95Increase, Option.MaxP95Increase),
      maxSlopeIncrease: parsePercent(get(Option.MaxSlopeIncrease) ?? Defaults.maxSlopeIncrease, Option.MaxSlopeIncrease),
      minSlopeBytesPerSec: parseRate(get(Option.MinSlope) ?? Defaults.minSlope, Option.MinSlope)
    }
  };
}
function buildPlan(raw, context) {
  const get = (name) => value(raw, name);
  const commands = {};
  for (const side of SIDES) {
    const command = get(side);
    if (command === void 0) {
      throw new UsageError(`--${side} is required: give the command that starts the ${side} build, e.g. --${side} "./bin/service -addr 127.0.0.1:{port}".`);
    }
    checkCommand(command, side, context);
    commands[side] = command;
  }
  const judge2 = parseJudgeSettings(raw);
  const durationMs = parseDuration(get(Option.Duration) ?? Defaults.duration, Option.Duration);
  const intervalMs = parseDuration(get(Option.Interval) ?? Defaults.interval, Option.Interval);
  const readyTimeoutMs = parseDuration(get(Option.ReadyTimeout) ?? Defaults.readyTimeout, Option.ReadyTimeout);
  if (durationMs <= 0) throw new UsageError(`--${Option.Duration} must be longer than 0, e.g. 60s.`);
  if (intervalMs < 10) throw new UsageError(`--${Option.Interval} must be at least 10ms; the default is ${Defaults.interval}.`);
  if (durationMs / intervalMs < 8) {
    throw new UsageError(`--${Option.Duration} ${get(Option.Duration) ?? Defaults.duration} holds fewer than 8 samples at --${Option.Interval} ${get(Option.Interval) ?? Defaults.interval}; lengthen the window or shorten the interval.`);
  }
  const memoryMaxText = get(Option.MemoryMax);
  const memoryMaxBytes = memoryMaxText === void 0 ? null : parseSize(memoryMaxText, Option.MemoryMax);
  if (memoryMaxBytes !== null && memoryMaxBytes < 4 * 1024 * 1024) {
    throw new UsageError(`--${Option.MemoryMax} ${memoryMaxText} is too small to start a service; give at least 4MiB, e.g. 256MiB.`);
  }
  const driver = get(Option.CgroupDriver) ?? Defaults.cgroupDriver;
  if (!DRIVER_CHOICES.includes(driver)) {
    throw new UsageError(`--${Option.CgroupDriver}: "${driver}" is not a driver; use one of ${DRIVER_CHOICES.join(", ")}.`);
  }
  return {
    ...judge2,
    commands,
    durationMs,
    intervalMs,
    readyTimeoutMs,
    memoryMaxBytes,
    load: get(Option.Load) ?? null,
    cgroupDriver: driver,
    outDir: get(Option.Out) ?? Defaults.out
  };
}

// src/collect/bundle-io.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";
function bundleDir(outDir) {
  return join2(outDir, BundleFile.Dir);
}
var jsonLines = (rows) => rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
function writeBundle(outDir, bundle) {
  const dir = bundleDir(outDir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join2(dir, BundleFile.Meta), JSON.stringify(bundle.meta, null, 2) + "\n");
  writeFileSync(join2(dir, BundleFile.Samples), jsonLines(bundle.samples));
  writeFileSync(join2(dir, BundleFile.Stats), jsonLines(bundle.stats));
  writeFileSync(join2(dir, BundleFile.Final), JSON.stringify(bundle.final, null, 2) + "\n");
  return dir;
}
function parseLines(path) {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "").map((line, i) => {
    try {
      return JSON.parse(line);
    } catch {
      throw new UsageError(`${path} line ${i + 1} is not JSON; the bundle is damaged. Re-run memgate to record a new one.`);
    }
  });
}
function readBundle(path) {
  const dir = existsSync(join2(path, BundleFile.Meta)) ? path : bundleDir(path);
  const metaPath = join2(dir, BundleFile.Meta);
  if (!existsSync(metaPath)) {
    throw new UsageError(`no memgate bundle at ${path} (expected ${metaPath}); give the --out directory of an earlier "memgate run".`);
  }
  let meta;
  let final;
  try {
    meta = JSON.parse(readFileSync(metaPath, "utf8"));
    final = JSON.parse(readFileSync(join2(dir, BundleFile.Final), "utf8"));
  } catch (error) {
    throw new UsageError(`the bundle at ${dir} is damaged (${error.message}); re-run memgate to record a new one.`);
  }
  if (meta.schema !== BUNDLE_SCHEMA) {
    throw new UsageError(`${metaPath} has schema "${meta.schema}", this memgate reads "${BUNDLE_SCHEMA}"; analyze it with the memgate version that recorded it.`);
  }
  return {
    meta,
    final,
    samples: parseLines(join2(dir, BundleFile.Samples)),
    stats: existsSync(join2(dir, BundleFile.Stats)) ? parseLines(join2(dir, BundleFile.Stats)) : []
  };
}

// src/gate/judge-bundle.ts
import { mkdirSync as mkdirSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join3 } from "node:path";

// node_modules/simple-statistics/dist/simple-statistics.mjs
function quantileSorted(x, p) {
  var idx = (x.length - 1) * p;
  if (x.length === 0) {
    throw new Error("quantile requires at least one data point.");
  } else if (p < 0 || p > 1) {
    throw new Error("quantiles must be between 0 and 1");
  } else if (p === 1) {
    return x[x.length - 1];
  } else if (p === 0) {
    return x[0];
  } else if (idx % 1 !== 0) {
    var lower = Math.floor(idx);
    var upper = Math.ceil(idx);
    var fraction = idx - lower;
    return x[lower] + fraction * (x[upper] - x[lower]);
  } else {
    return x[idx];
  }
}
var BayesianClassifier = function BayesianClassifier2() {
  this.totalCount = 0;
  this.data = {};
};
BayesianClassifier.prototype.train = function train(item, category) {
  if (!this.data[category]) {
    this.data[category] = {};
  }
  for (var k in item) {
    var v = item[k];
    if (this.data[category][k] === void 0) {
      this.data[category][k] = {};
    }
    if (this.data[category][k][v] === void 0) {
      this.data[category][k][v] = 0;
    }
    this.data[category][k][v]++;
  }
  this.totalCount++;
};
BayesianClassifier.prototype.score = function score(item) {
  var odds = {};
  var category;
  for (var k in item) {
    var v = item[k];
    for (category in this.data) {
      if (odds[category] === void 0) {
        odds[category] = {};
      }
      if (this.data[category][k]) {
        odds[category][k + "_" + v] = (this.data[category][k][v] || 0) / this.totalCount;
      } else {
        odds[category][k + "_" + v] = 0;
      }
    }
  }
  var oddsSums = {};
  for (category in odds) {
    oddsSums[category] = 0;
    for (var combination in odds[category]) {
      oddsSums[category] += odds[category][combination];
    }
  }
  return oddsSums;
};
var g = 607 / 128;
var LOGSQRT2PI = Math.log(Math.sqrt(2 * Math.PI));
var SQRT_2PI$1 = Math.sqrt(2 * Math.PI);
function cumulativeDistribution(z2) {
  var sum = z2;
  var tmp = z2;
  for (var i = 1; i < 30; i++) {
    tmp *= z2 * z2 / (2 * i + 1);
    sum += tmp;
  }
  return Math.round((0.5 + sum / SQRT_2PI$1 * Math.exp(-z2 * z2 / 2)) * 1e4) / 1e4;
}
var standardNormalTable = [];
for (z = 0; z <= 3.09; z += 0.01) {
  standardNormalTable.push(cumulativeDistribution(z));
}
var z;
var SQRT_2PI = Math.sqrt(2 * Math.PI);
var PerceptronModel = function PerceptronModel2() {
  this.weights = [];
  this.bias = 0;
};
PerceptronModel.prototype.predict = function predict(features) {
  if (features.length !== this.weights.length) {
    return null;
  }
  var score2 = 0;
  for (var i = 0; i < this.weights.length; i++) {
    score2 += this.weights[i] * features[i];
  }
  score2 += this.bias;
  if (score2 > 0) {
    return 1;
  } else {
    return 0;
  }
};
PerceptronModel.prototype.train = function train2(features, label) {
  if (label !== 0 && label !== 1) {
    return null;
  }
  if (features.length !== this.weights.length) {
    this.weights = features.slice();
    this.bias = 1;
  }
  var prediction = this.predict(features);
  if (typeof prediction === "number" && prediction !== label) {
    var gradient = label - prediction;
    for (var i = 0; i < this.weights.length; i++) {
      this.weights[i] += gradient * features[i];
    }
    this.bias += gradient;
  }
  return this;
};

// src/analyze/stats.ts
var T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
function t95(degreesOfFreedom) {
  if (degreesOfFreedom < 1) return Infinity;
  return T95[Math.min(degreesOfFreedom, T95.length) - 1] ?? 1.96;
}
function p95(values) {
  if (values.length === 0) return null;
  return quantileSorted([...values].sort((a, b) => a - b), 0.95);
}
function floorPoints(points, binSeconds) {
  if (points.length === 0) return [];
  const start = points[0].t;
  const bins = /* @__PURE__ */ new Map();
  for (const p of points) {
    const bin = Math.floor((p.t - start) / binSeconds);
    const lowest = bins.get(bin);
    if (!lowest || p.v < lowest.v) bins.set(bin, p);
  }
  const span = points[points.length - 1].t - start;
  const fullBins = Math.max(1, Math.floor(span / binSeconds + 1e-9));
  return [...bins.entries()].filter(([bin]) => bin < fullBins || fullBins === 1).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}
function fitSlope(points) {
  const n = points.length;
  if (n < 3) return null;
  const meanT = points.reduce((s, p) => s + p.t, 0) / n;
  const meanV = points.reduce((s, p) => s + p.v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.t - meanT) ** 2;
    sxy += (p.t - meanT) * (p.v - meanV);
  }
  if (sxx === 0) return null;
  const slope2 = sxy / sxx;
  const intercept = meanV - slope2 * meanT;
  const ssr = points.reduce((s, p) => s + (p.v - (intercept + slope2 * p.t)) ** 2, 0);
  const stdError = Math.sqrt(ssr / (n - 2) / sxx);
  const half = t95(n - 2) * stdError;
  return { bytesPerSec: slope2, low: slope2 - half, high: slope2 + half, stdError, points };
}
function floorBinSeconds(windowSeconds) {
  return Math.max(1, Math.min(10, windowSeconds / 12));
}

// src/analyze/analyze.ts
function lastStatOf(stats, side) {
  for (let i = stats.length - 1; i >= 0; i--) {
    const s = stats[i];
    if (s.side === side) return { anonBytes: s.anonBytes, fileBytes: s.fileBytes, kernelBytes: s.kernelBytes, sockBytes: s.sockBytes };
  }
  return null;
}
function analyzeSide(bundle, side, warmupMs) {
  const points = [];
  let max = null;
  for (const s of bundle.samples) {
    const v = s[side];
    if (v === null) continue;
    max = Math.max(max ?? 0, v);
    if (s.t >= warmupMs) points.push({ t: s.t / 1e3, v });
  }
  const values = points.map((p) => p.v);
  const span = points.length > 1 ? points[points.length - 1].t - points[0].t : 0;
  const floor = floorPoints(points, floorBinSeconds(span));
  const final = bundle.final[side];
  const recordedPeak = final.peakBytes;
  return {
    command: bundle.meta.sides[side].command,
    samples: points.length,
    p95Bytes: p95(values),
    peakBytes: recordedPeak ?? max,
    meanBytes: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    lastFloorBytes: floor.length ? floor[floor.length - 1].v : null,
    slope: fitSlope(floor),
    oomKills: final.oomKills,
    exit: final.exit,
    lastStat: lastStatOf(bundle.stats, side)
  };
}
function slopeDifference(gray, baseline) {
  if (!gray || !baseline) return null;
  const diff = gray.bytesPerSec - baseline.bytesPerSec;
  const stdError = Math.hypot(gray.stdError, baseline.stdError);
  const df = Math.min(gray.points.length, baseline.points.length) - 2;
  const half = t95(df) * stdError;
  return { bytesPerSec: diff, low: diff - half, high: diff + half };
}
function analyze(bundle, warmupMs = bundle.meta.warmupMs) {
  const [baseline, gray] = SIDES.map((side) => analyzeSide(bundle, side, warmupMs));
  const times = bundle.samples.map((s) => s.t).filter((t) => t >= warmupMs);
  return {
    driver: bundle.meta.driver,
    limitations: bundle.meta.limitations,
    warnings: bundle.meta.warnings,
    endedEarly: bundle.meta.endedEarly,
    warmupMs,
    windowMs: { start: times[0] ?? warmupMs, end: times[times.length - 1] ?? warmupMs },
    plannedWindowMs: bundle.meta.durationMs,
    memoryMaxBytes: bundle.meta.memoryMaxBytes,
    baseline,
    gray,
    p95Increase: gray.p95Bytes !== null && baseline.p95Bytes ? gray.p95Bytes / baseline.p95Bytes - 1 : null,
    slopeDifference: slopeDifference(gray.slope, baseline.slope),
    series: bundle.samples
  };
}

// src/judge/grade.ts
var P0_GROWTH_PER_HOUR = 0.8;
var P2_LIMIT_SHARE = 0.75;
function gradeOf(verdict, reasons, analysis) {
  const blocks = new Set(reasons.filter((r) => r.outcome === "block").map((r) => r.rule));
  if (blocks.has("gray-oom-kill") || blocks.has("gray-exited")) return "P0";
  const { gray, memoryMaxBytes } = analysis;
  if (blocks.has("slope-increase")) {
    const slope2 = gray.slope?.bytesPerSec ?? 0;
    const growthPerHour = gray.p95Bytes ? slope2 * 3600 / gray.p95Bytes : 0;
    const hoursLeft = memoryMaxBytes !== null && gray.lastFloorBytes !== null && slope2 > 0 ? (memoryMaxBytes - gray.lastFloorBytes) / slope2 / 3600 : Infinity;
    return growthPerHour > P0_GROWTH_PER_HOUR || hoursLeft < 1 ? "P0" : "P1";
  }
  const nearLimit = memoryMaxBytes !== null && gray.p95Bytes !== null && gray.p95Bytes > P2_LIMIT_SHARE * memoryMaxBytes;
  if (blocks.size > 0 || nearLimit) return "P2";
  if (verdict === "warn") return "P3";
  return null;
}

// src/judge/judge.ts
var MIN_WINDOW_SAMPLES = 8;
var MIN_FLOOR_POINTS = 4;
var NOISE_FACTOR = 4;
function describeExit(side, a) {
  const exit = a.exit;
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
  const when = exit.beforeReady ? "before it was ready" : `${formatDuration(Math.max(0, exit.atMs))} into sampling`;
  const said = exit.lastOutput.length ? `; last output: ${exit.lastOutput[exit.lastOutput.length - 1]}` : "";
  return `${side} ${how} ${when}${said}`;
}
function slopeThreshold(analysis, limits) {
  const base = analysis.baseline.slope?.bytesPerSec ?? 0;
  return Math.max(limits.minSlopeBytesPerSec, limits.maxSlopeIncrease * Math.abs(base));
}
function projection(analysis) {
  const limit = analysis.memoryMaxBytes;
  if (limit === null) return null;
  const slope2 = analysis.gray.slope;
  const floor = analysis.gray.lastFloorBytes;
  const growing = slope2 !== null && floor !== null && slope2.bytesPerSec > 0 && slope2.low > 0;
  return { limitBytes: limit, secondsToLimit: growing ? Math.max(0, (limit - floor) / slope2.bytesPerSec) : null };
}
function judge(analysis, limits) {
  const reasons = [];
  const comparisons = [];
  const { gray, baseline } = analysis;
  const grayOom = gray.oomKills ?? 0;
  comparisons.push({ rule: "gray-oom-kill", unit: "count", measured: gray.oomKills, limit: 0, passed: gray.oomKills === null ? null : grayOom === 0, detail: gray.oomKills === null ? "OOM kills cannot be seen with this driver" : `${grayOom} OOM kill(s)` });
  if (grayOom > 0) {
    reasons.push({ rule: "gray-oom-kill", outcome: "block", measured: grayOom, limit: 0, message: `gray was OOM-killed ${grayOom} time(s) at the ${analysis.memoryMaxBytes === null ? "cgroup" : formatBytes(analysis.memoryMaxBytes)} memory limit` });
  } else if (gray.exit) {
    reasons.push({ rule: "gray-exited", outcome: "block", measured: gray.exit.code, limit: null, message: `${describeExit("gray", gray)}; a build that dies under the same load as baseline must not ship` });
  }
  if ((baseline.oomKills ?? 0) > 0) {
    reasons.push({ rule: "baseline-oom-kill", outcome: "inconclusive", measured: baseline.oomKills, limit: 0, message: `baseline was OOM-killed too, so the limit says nothing about gray; raise --memory-max` });
  } else if (baseline.exit) {
    reasons.push({ rule: "baseline-exited", outcome: "inconclusive", measured: baseline.exit.code, limit: null, message: `${describeExit("baseline", baseline)}; without a running baseline there is nothing to compare against` });
  }
  const p95Detail = `gray ${gray.p95Bytes === null ? "n/a" : formatBytes(gray.p95Bytes)} vs baseline ${baseline.p95Bytes === null ? "n/a" : formatBytes(baseline.p95Bytes)}`;
  const p95Passed = analysis.p95Increase === null ? null : analysis.p95Increase <= limits.maxP95Increase;
  comparisons.push({ rule: "p95-increase", unit: "ratio", measured: analysis.p95Increase, limit: limits.maxP95Increase, passed: p95Passed, detail: p95Detail });
  if (p95Passed === false) {
    reasons.push({ rule: "p95-increase", outcome: "block", measured: analysis.p95Increase, limit: limits.maxP95Increase, message: `P95 of memory rose ${formatPercent(analysis.p95Increase)} (${p95Detail}), above the allowed ${formatPercent(limits.maxP95Increase)}` });
  }
  const threshold = slopeThreshold(analysis, limits);
  const diff = analysis.slopeDifference;
  const slopeDetail = diff === null ? "too few floor points to fit a slope" : `gray ${formatRate(gray.slope.bytesPerSec)} vs baseline ${formatRate(baseline.slope.bytesPerSec)}; difference ${formatRate(diff.bytesPerSec)} (95% CI ${formatRate(diff.low)} .. ${formatRate(diff.high)})`;
  const slopeExceeds = diff !== null && diff.bytesPerSec > threshold;
  const slopeClear = diff !== null && diff.low > 0;
  comparisons.push({ rule: "slope-increase", unit: "bytes/s", measured: diff?.bytesPerSec ?? null, limit: threshold, passed: diff === null ? null : !(slopeExceeds && slopeClear), detail: slopeDetail });
  if (slopeExceeds && slopeClear) {
    reasons.push({ rule: "slope-increase", outcome: "block", measured: diff.bytesPerSec, limit: threshold, message: `memory floor grows faster in gray: ${slopeDetail}, above the allowed ${formatRate(threshold)} (the larger of --min-slope and --max-slope-increase ${formatPercent(limits.maxSlopeIncrease)} of baseline's slope)` });
  } else if (slopeExceeds) {
    reasons.push({ rule: "slope-increase", outcome: "warn", measured: diff.bytesPerSec, limit: threshold, message: `memory floor may grow faster in gray (${slopeDetail}), but the difference is not statistically clear; lengthen --duration to decide` });
  } else if (diff !== null && (diff.high - diff.low) / 2 > NOISE_FACTOR * threshold && reasons.every((r) => r.outcome !== "block")) {
    reasons.push({ rule: "slope-noise", outcome: "inconclusive", measured: (diff.high - diff.low) / 2, limit: NOISE_FACTOR * threshold, message: `memory is too noisy to judge growth: the slope difference is only known to \xB1${formatRate((diff.high - diff.low) / 2)}; lengthen --duration or steady the load` });
  }
  const died = Boolean(gray.exit || baseline.exit);
  const tooFew = [gray, baseline].filter((s) => s.samples < MIN_WINDOW_SAMPLES || (s.slope?.points.length ?? 0) < MIN_FLOOR_POINTS);
  if (!died && tooFew.length > 0) {
    reasons.push({ rule: "enough-samples", outcome: "inconclusive", measured: Math.min(gray.samples, baseline.samples), limit: MIN_WINDOW_SAMPLES, message: `too few readings after warm-up (baseline ${baseline.samples}, gray ${gray.samples}; at least ${MIN_WINDOW_SAMPLES} each over ${MIN_FLOOR_POINTS}+ floor bins needed)${analysis.endedEarly ? ` because sampling ended early: ${analysis.endedEarly}` : ""}; lengthen --duration or shorten --interval` });
  }
  if (analysis.driver === "none") {
    reasons.push({ rule: "degraded-measurement", outcome: "warn", measured: null, limit: null, message: `measured without cgroups (process-tree RSS): ${analysis.limitations.join("; ")}` });
  }
  const verdict = decide(reasons);
  return { verdict, grade: gradeOf(verdict, reasons, analysis), reasons: order(reasons), comparisons, projection: projection(analysis), limits, analysis };
}
function decide(reasons) {
  if (reasons.some((r) => r.outcome === "block")) return "fail";
  if (reasons.some((r) => r.outcome === "inconclusive")) return "inconclusive";
  if (reasons.some((r) => r.outcome === "warn")) return "warn";
  return "pass";
}
var OUTCOME_ORDER = { block: 0, inconclusive: 1, warn: 2 };
function order(reasons) {
  return reasons.map((r, i) => ({ r, i })).sort((a, b) => OUTCOME_ORDER[a.r.outcome] - OUTCOME_ORDER[b.r.outcome] || a.i - b.i).map(({ r }) => r);
}

// src/report/report-json.ts
function exitCodeOf(verdict, onInconclusive) {
  switch (verdict) {
    case "pass":
    case "warn":
      return ExitCode.Pass;
    case "fail":
      return ExitCode.Blocked;
    case "inconclusive":
      return onInconclusive === "pass" ? ExitCode.Pass : ExitCode.Inconclusive;
  }
}
function sideReport(side) {
  return {
    command: side.command,
    samples: side.samples,
    p95Bytes: side.p95Bytes,
    peakBytes: side.peakBytes,
    meanBytes: side.meanBytes === null ? null : Math.round(side.meanBytes),
    lastFloorBytes: side.lastFloorBytes,
    slopeBytesPerSec: side.slope?.bytesPerSec ?? null,
    slopeInterval: side.slope ? { low: side.slope.low, high: side.slope.high } : null,
    oomKills: side.oomKills,
    exit: side.exit,
    memoryStat: side.lastStat
  };
}
function slopeIncrease(verdict) {
  const base = verdict.analysis.baseline.slope?.bytesPerSec;
  const diff = verdict.analysis.slopeDifference?.bytesPerSec;
  if (base === void 0 || diff === void 0 || Math.abs(base) < verdict.limits.minSlopeBytesPerSec / 10) return null;
  return diff / Math.abs(base);
}
function buildReport(verdict, settings) {
  const { analysis } = verdict;
  return {
    schema: REPORT_SCHEMA,
    memgateVersion: VERSION,
    verdict: verdict.verdict,
    grade: verdict.grade,
    exitCode: exitCodeOf(verdict.verdict, settings.onInconclusive),
    settings: {
      warmupMs: analysis.warmupMs,
      windowMs: analysis.plannedWindowMs,
      observedMs: Math.max(0, analysis.windowMs.end - analysis.windowMs.start),
      driver: analysis.driver,
      memoryMaxBytes: analysis.memoryMaxBytes,
      onInconclusive: settings.onInconclusive,
      limits: verdict.limits
    },
    baseline: sideReport(analysis.baseline),
    gray: sideReport(analysis.gray),
    p95Increase: analysis.p95Increase,
    slopeIncrease: slopeIncrease(verdict),
    slopeDifference: analysis.slopeDifference,
    comparisons: verdict.comparisons,
    reasons: verdict.reasons,
    projection: verdict.projection,
    warnings: [...analysis.limitations, ...analysis.warnings],
    suspects: [],
    patterns: []
  };
}

// src/gate/judge-bundle.ts
function judgeBundle(bundle, settings) {
  return buildReport(judge(analyze(bundle, settings.warmupMs), settings.limits), settings);
}
function writeReport(outDir, report) {
  mkdirSync2(outDir, { recursive: true });
  const path = join3(outDir, ReportFile);
  writeFileSync2(path, JSON.stringify(report, null, 2) + "\n");
  return path;
}

// src/gate/run-gate.ts
import { createWriteStream, mkdirSync as mkdirSync4 } from "node:fs";
import { join as join5 } from "node:path";

// src/collect/sampler.ts
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
async function sampleMemory(options) {
  const { groups, intervalMs, totalMs } = options;
  const samples = [];
  const stats = [];
  const origin = performance.now();
  let nextStat = 0;
  let nextProgress = options.progressEveryMs;
  for (let tick = 0; ; tick++) {
    const due = tick * intervalMs;
    if (due > totalMs) return { samples, stats, endedEarly: null };
    const wait = origin + due - performance.now();
    if (wait > 0) await sleep(wait);
    if (options.signal.aborted) return { samples, stats, endedEarly: "interrupted" };
    const t = Math.round((performance.now() - origin) * 10) / 10;
    const sample = { t, baseline: groups.baseline.readCurrent(), gray: groups.gray.readCurrent() };
    samples.push(sample);
    if (t >= nextStat) {
      for (const side of SIDES) {
        const stat = groups[side].readStat();
        if (stat) stats.push({ t, side, ...stat });
      }
      nextStat += options.statEveryMs;
    }
    if (t >= nextProgress) {
      options.onProgress(sample);
      nextProgress += options.progressEveryMs;
    }
    const reason = options.stopReason();
    if (reason !== null) return { samples, stats, endedEarly: reason };
  }
}

// src/workload/cgroup/detect.ts
import { existsSync as existsSync3, accessSync as accessSync2, constants as constants2 } from "node:fs";
import { spawnSync as spawnSync2 } from "node:child_process";

// src/workload/cgroup/cgroupfs.ts
import { mkdirSync as mkdirSync3, writeFileSync as writeFileSync3, existsSync as existsSync2 } from "node:fs";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep3 } from "node:timers/promises";

// src/workload/cgroup/fs-util.ts
import { readFileSync as readFileSync2, rmdirSync } from "node:fs";
import { setTimeout as sleep2 } from "node:timers/promises";
function readText(path) {
  try {
    return readFileSync2(path, "utf8");
  } catch {
    return null;
  }
}
function readNumber(path) {
  const text = readText(path)?.trim();
  if (text === void 0 || text === "" || text === "max") return null;
  const value2 = Number(text);
  return Number.isFinite(value2) ? value2 : null;
}
function readPids(path) {
  const text = readText(path);
  if (text === null) return [];
  return text.split("\n").filter((l) => /^\d+$/.test(l)).map(Number);
}
function killPids(pids, signal = "SIGKILL") {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
    }
  }
}
async function removeDir(path, attempts = 50) {
  for (let i = 0; ; i++) {
    try {
      rmdirSync(path);
      return;
    } catch (error) {
      const code2 = error.code;
      if (code2 === "ENOENT") return;
      if (i >= attempts || code2 !== "EBUSY") throw error;
      await sleep2(20);
    }
  }
}

// src/workload/cgroup/stat.ts
function parseKeyValues(text) {
  const values = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const [key, raw] = line.trim().split(/\s+/);
    if (key && raw !== void 0 && /^\d+$/.test(raw)) values.set(key, Number(raw));
  }
  return values;
}
function statFromV2(values) {
  const kernel = values.get("kernel") ?? ["kernel_stack", "pagetables", "percpu", "slab", "sec_pagetables"].reduce((s, k) => s + (values.get(k) ?? 0), 0);
  return {
    anonBytes: values.get("anon") ?? 0,
    fileBytes: values.get("file") ?? 0,
    kernelBytes: kernel,
    sockBytes: values.get("sock") ?? 0
  };
}
function statFromV1(values, kmemBytes, tcpBytes) {
  return {
    anonBytes: values.get("total_rss") ?? values.get("rss") ?? 0,
    fileBytes: values.get("total_cache") ?? values.get("cache") ?? 0,
    kernelBytes: kmemBytes ?? 0,
    sockBytes: tcpBytes ?? 0
  };
}

// src/workload/cgroup/cgroupfs.ts
function launchInto(procsFile, command) {
  return { file: "/bin/sh", args: ["-c", 'echo $$ > "$1" && exec /bin/sh -c "$2"', "memgate-launch", procsFile, command] };
}
var V1 = {
  name: "v1",
  current: "memory.usage_in_bytes",
  peak: "memory.max_usage_in_bytes",
  limit: "memory.limit_in_bytes",
  readStat(dir) {
    const text = readText(`${dir}/memory.stat`);
    if (text === null) return null;
    return statFromV1(parseKeyValues(text), readNumber(`${dir}/memory.kmem.usage_in_bytes`), readNumber(`${dir}/memory.kmem.tcp.usage_in_bytes`));
  },
  readOomKills(dir) {
    const text = readText(`${dir}/memory.oom_control`);
    return text === null ? null : parseKeyValues(text).get("oom_kill") ?? null;
  }
};
var V2 = {
  name: "v2",
  current: "memory.current",
  peak: "memory.peak",
  limit: "memory.max",
  readStat(dir) {
    const text = readText(`${dir}/memory.stat`);
    return text === null ? null : statFromV2(parseKeyValues(text));
  },
  readOomKills(dir) {
    const text = readText(`${dir}/memory.events`);
    return text === null ? null : parseKeyValues(text).get("oom_kill") ?? null;
  }
};
var CgroupfsGroup = class {
  location;
  flavor;
  constructor(dir, flavor) {
    this.location = dir;
    this.flavor = flavor;
  }
  launch(command) {
    return launchInto(`${this.location}/cgroup.procs`, command);
  }
  adopt() {
  }
  pids() {
    return readPids(`${this.location}/cgroup.procs`);
  }
  readCurrent() {
    return readNumber(`${this.location}/${this.flavor.current}`);
  }
  readStat() {
    return this.flavor.readStat(this.location);
  }
  readPeak() {
    return readNumber(`${this.location}/${this.flavor.peak}`);
  }
  readOomKills() {
    return this.flavor.readOomKills(this.location);
  }
  async killAll() {
    if (!existsSync2(this.location)) return;
    const killFile = `${this.location}/cgroup.kill`;
    for (let attempt = 0; attempt < 250; attempt++) {
      const pids = this.pids();
      if (pids.length === 0) return;
      if (this.flavor.name === "v2" && existsSync2(killFile)) {
        try {
          writeFileSync3(killFile, "1");
        } catch {
          killPids(pids);
        }
      } else {
        killPids(pids);
      }
      await sleep3(20);
    }
    throw new Error(`processes ${this.pids().join(", ")} in ${this.location} survived SIGKILL for 5 s`);
  }
  async remove() {
    await removeDir(this.location);
  }
};
var CgroupfsDriver = class {
  name;
  limitations = [];
  root;
  flavor;
  created = false;
  constructor(version, ownCgroup) {
    this.flavor = version === "v1" ? V1 : V2;
    this.name = version;
    this.root = `${ownCgroup}/memgate-${process.pid}-${randomBytes(3).toString("hex")}`;
  }
  get rootPath() {
    return this.root;
  }
  ensureRoot() {
    if (this.created) return;
    mkdirSync3(this.root);
    this.created = true;
    if (this.flavor.name === "v2") {
      const parent = this.root.slice(0, this.root.lastIndexOf("/"));
      for (const dir of [parent, this.root]) {
        const available = readText(`${dir}/cgroup.controllers`) ?? "";
        if (!available.split(/\s+/).includes("memory")) continue;
        try {
          writeFileSync3(`${dir}/cgroup.subtree_control`, "+memory");
        } catch (error) {
          const code2 = error.code;
          throw new Error(`cannot enable the memory controller in ${dir} (${code2}); a cgroup with processes cannot delegate it. Run memgate from a leaf cgroup of its own, or use --cgroup-driver systemd.`);
        }
      }
    }
  }
  async create(side, memoryMaxBytes) {
    this.ensureRoot();
    const dir = `${this.root}/${side}`;
    mkdirSync3(dir);
    if (memoryMaxBytes !== null) writeFileSync3(`${dir}/${this.flavor.limit}`, String(memoryMaxBytes));
    return new CgroupfsGroup(dir, this.flavor);
  }
  async dispose() {
    if (this.created) await removeDir(this.root);
    this.created = false;
  }
};

// src/workload/cgroup/mounts.ts
function parseMountInfo(text) {
  const mounts = [];
  for (const line of text.split("\n")) {
    const [left, right] = line.split(" - ");
    if (!left || !right) continue;
    const fields = left.split(" ");
    const [fsType, , superOpts = ""] = right.split(" ");
    mounts.push({ root: fields[3], point: fields[4].replace(/\\040/g, " "), fsType, superOptions: superOpts.split(",") });
  }
  return mounts;
}
function parseProcCgroup(text) {
  const byController = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!match) continue;
    if (match[1] === "") byController.set("", match[2]);
    for (const controller2 of match[1].split(",")) if (controller2) byController.set(controller2, match[2]);
  }
  return byController;
}
function join4(mount, cgroupPath) {
  const relative = mount.root !== "/" && cgroupPath.startsWith(mount.root) ? cgroupPath.slice(mount.root.length) : cgroupPath;
  return `${mount.point}${relative === "/" ? "" : relative}`.replace(/\/+$/, "");
}
function cgroupLayout(mountInfo, procCgroup) {
  const mounts = parseMountInfo(mountInfo);
  const paths = parseProcCgroup(procCgroup);
  const v1 = mounts.find((m) => m.fsType === "cgroup" && m.superOptions.includes("memory"));
  const v2 = mounts.find((m) => m.fsType === "cgroup2");
  const v1Path = paths.get("memory");
  const v2Path = paths.get("");
  return {
    v1Memory: v1 && v1Path !== void 0 ? join4(v1, v1Path) : null,
    v2: v2 && v2Path !== void 0 ? join4(v2, v2Path) : null,
    v2Mount: v2?.point ?? null
  };
}
function readCgroupLayout() {
  return cgroupLayout(readText("/proc/self/mountinfo") ?? "", readText("/proc/self/cgroup") ?? "");
}

// src/workload/cgroup/proc-tree.ts
import { readdirSync } from "node:fs";
import { setTimeout as sleep4 } from "node:timers/promises";
function parentMap() {
  const parents = /* @__PURE__ */ new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    if (stat === null) continue;
    const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    parents.set(Number(entry), Number(after[1]));
  }
  return parents;
}
function processTree(rootPid) {
  const parents = parentMap();
  if (!parents.has(rootPid)) return [];
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}
function rssBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readText(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) * 1024 : 0;
}
var ProcessTreeGroup = class {
  location;
  root = null;
  known = [];
  constructor(side) {
    this.location = `process tree of ${side} (no cgroup)`;
  }
  launch(command) {
    return { file: "/bin/sh", args: ["-c", command] };
  }
  adopt(pid) {
    this.root = pid;
  }
  pids() {
    if (this.root === null) return [];
    const tree = processTree(this.root);
    if (tree.length > 0) this.known = tree;
    return tree;
  }
  readCurrent() {
    const pids = this.pids();
    return pids.length === 0 ? null : pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  }
  readStat() {
    return null;
  }
  readPeak() {
    return null;
  }
  readOomKills() {
    return null;
  }
  async killAll() {
    const victims = /* @__PURE__ */ new Set([...this.pids(), ...this.known]);
    killPids([...victims]);
    for (let i = 0; i < 50 && this.pids().length > 0; i++) {
      killPids(this.pids());
      await sleep4(20);
    }
  }
  async remove() {
  }
};
var ProcessTreeDriver = class {
  name = "none";
  limitations = [
    "no cgroup: memory is the summed RSS of each process tree, without page cache, kernel or socket memory",
    "no memory limit can be enforced, so OOM kills cannot happen or be seen, and --memory-max is ignored",
    "a process that leaves its tree (double fork) is neither measured nor guaranteed to be cleaned up"
  ];
  async create(side) {
    return new ProcessTreeGroup(side);
  }
  async dispose() {
  }
};

// src/workload/cgroup/systemd.ts
import { spawnSync } from "node:child_process";
import { randomBytes as randomBytes2 } from "node:crypto";
import { setTimeout as sleep5 } from "node:timers/promises";
var SLICE = "memgate.slice";
var SystemdDriver = class {
  name = "systemd";
  limitations = [];
  sudo;
  v2Mount;
  constructor(v2Mount, asRoot) {
    this.v2Mount = v2Mount;
    this.sudo = asRoot ? [] : ["sudo", "-n"];
  }
  async create(side, memoryMaxBytes) {
    const unit = `memgate-${side}-${process.pid}-${randomBytes2(3).toString("hex")}`;
    return new ScopeGroup(unit, `${this.v2Mount}/${SLICE}/${unit}.scope`, memoryMaxBytes, this.sudo);
  }
  async dispose() {
  }
};
var ScopeGroup = class {
  location;
  unit;
  memoryMaxBytes;
  sudo;
  constructor(unit, location, memoryMaxBytes, sudo) {
    this.unit = unit;
    this.location = location;
    this.memoryMaxBytes = memoryMaxBytes;
    this.sudo = sudo;
  }
  launch(command) {
    const properties = this.memoryMaxBytes === null ? [] : ["-p", `MemoryMax=${this.memoryMaxBytes}`, "-p", "MemorySwapMax=0"];
    const argv = [...this.sudo, "systemd-run", "--scope", "--quiet", "--collect", `--unit=${this.unit}`, `--slice=${SLICE}`, ...properties, "--", "/bin/sh", "-c", command];
    return { file: argv[0], args: argv.slice(1) };
  }
  adopt() {
  }
  // The pid we spawned is sudo's (outside the scope): the real ones are in cgroup.procs.
  pids() {
    return readPids(`${this.location}/cgroup.procs`);
  }
  readCurrent() {
    return readNumber(`${this.location}/memory.current`);
  }
  readStat() {
    const text = readText(`${this.location}/memory.stat`);
    return text === null ? null : statFromV2(parseKeyValues(text));
  }
  readPeak() {
    return readNumber(`${this.location}/memory.peak`);
  }
  readOomKills() {
    const text = readText(`${this.location}/memory.events`);
    return text === null ? null : parseKeyValues(text).get("oom_kill") ?? null;
  }
  async killAll() {
    for (let attempt = 0; attempt < 100 && this.pids().length > 0; attempt++) {
      if (attempt % 10 === 0) this.systemctl("kill", "--signal=SIGKILL", `${this.unit}.scope`);
      await sleep5(50);
    }
  }
  async remove() {
    this.systemctl("stop", `${this.unit}.scope`);
  }
  systemctl(...args) {
    const argv = [...this.sudo, "systemctl", ...args];
    spawnSync(argv[0], argv.slice(1), { stdio: "ignore", timeout: 1e4 });
  }
};

// src/workload/cgroup/detect.ts
function probeHost() {
  const layout = readCgroupLayout();
  const controllers = layout.v2Mount ? readText(`${layout.v2Mount}/cgroup.controllers`) ?? "" : "";
  return {
    layout,
    isRoot: process.getuid?.() === 0,
    systemdIsInit: existsSync3("/run/systemd/system") && (readText("/proc/1/comm") ?? "").trim() === "systemd",
    v2HasMemory: controllers.split(/\s+/).includes("memory"),
    sudoWorks: () => spawnSync2("sudo", ["-n", "true"], { stdio: "ignore", timeout: 5e3 }).status === 0
  };
}
function writable(dir) {
  if (dir === null) return false;
  try {
    accessSync2(dir, constants2.W_OK);
    return true;
  } catch {
    return false;
  }
}
function candidate(name, host) {
  const { layout } = host;
  switch (name) {
    case "systemd":
      if (!host.systemdIsInit || !layout.v2Mount) return { unusable: "systemd is not PID 1 here" };
      if (!host.v2HasMemory) return { unusable: "the cgroup v2 hierarchy has no memory controller" };
      if (!host.isRoot && !host.sudoWorks()) return { unusable: "not root and `sudo -n` asks for a password" };
      return { driver: new SystemdDriver(layout.v2Mount, host.isRoot) };
    case "v2":
      if (!layout.v2) return { unusable: "no cgroup v2 hierarchy is mounted" };
      if (!host.v2HasMemory) return { unusable: `the cgroup v2 hierarchy at ${layout.v2Mount} has no memory controller` };
      if (!writable(layout.v2)) return { unusable: `${layout.v2} is not writable (run as root, or use the systemd driver)` };
      return { driver: new CgroupfsDriver("v2", layout.v2) };
    case "v1":
      if (!layout.v1Memory) return { unusable: "no cgroup v1 memory hierarchy is mounted" };
      if (!writable(layout.v1Memory)) return { unusable: `${layout.v1Memory} is not writable (run as root)` };
      return { driver: new CgroupfsDriver("v1", layout.v1Memory) };
    case "none":
      return { driver: new ProcessTreeDriver() };
  }
}
function selectDriver(choice, host) {
  if (choice !== "auto") {
    const picked = candidate(choice, host);
    if ("driver" in picked) return picked.driver;
    throw new UsageError(`--cgroup-driver ${choice} cannot be used: ${picked.unusable}. Use --cgroup-driver auto to let memgate choose.`);
  }
  const order2 = host.systemdIsInit ? ["systemd", "v2", "v1"] : ["v2", "v1", "systemd"];
  const refusals = [];
  for (const name of order2) {
    const picked = candidate(name, host);
    if ("driver" in picked) return picked.driver;
    refusals.push(`${name}: ${picked.unusable}`);
  }
  const anyMemoryController = host.v2HasMemory || host.layout.v1Memory !== null;
  if (!anyMemoryController) return new ProcessTreeDriver();
  throw new UsageError(`no privileges for any cgroup driver (${refusals.join("; ")}). Run as root, allow passwordless sudo, or pass --cgroup-driver none to measure process-tree RSS without cgroups.`);
}

// src/workload/ports.ts
import { createServer, connect } from "node:net";
function freePort() {
  return new Promise((resolve2, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve2(port));
    });
  });
}
function portOpen(port, timeoutMs = 500) {
  return new Promise((resolve2) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (open) => {
      socket.destroy();
      resolve2(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

// src/workload/process.ts
import { spawn } from "node:child_process";
import { setTimeout as sleep6 } from "node:timers/promises";
var OUTPUT_TAIL = 20;
var Workload = class {
  side;
  command;
  port;
  group;
  child;
  tail = [];
  exitInfo = null;
  exited;
  constructor(side, command, port, group, log) {
    this.side = side;
    this.command = command;
    this.port = port;
    this.group = group;
    const launch = group.launch(command);
    this.child = spawn(launch.file, launch.args, { stdio: ["ignore", "pipe", "pipe"] });
    if (this.child.pid !== void 0) group.adopt(this.child.pid);
    const keep = (chunk) => {
      const text = chunk.toString("utf8");
      log?.write(text.split("\n").filter((l) => l !== "").map((l) => `[${side}] ${l}
`).join(""));
      this.tail.push(...text.split("\n").filter((l) => l.trim() !== ""));
      this.tail.splice(0, Math.max(0, this.tail.length - OUTPUT_TAIL));
    };
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    this.exited = new Promise((resolve2) => {
      this.child.once("error", (error) => {
        this.tail.push(`could not start: ${error.message}`);
        this.exitInfo ??= { at: Date.now(), code: null, signal: null, lastOutput: [] };
        resolve2();
      });
      this.child.once("exit", (code2, signal) => {
        this.exitInfo ??= { at: Date.now(), code: code2, signal, lastOutput: [] };
        resolve2();
      });
    });
  }
  get alive() {
    return this.exitInfo === null;
  }
  /** How it ended, relative to the sampling clock's origin (epoch ms), or null while it runs. */
  exitRelativeTo(originMs, beforeReady) {
    if (!this.exitInfo) return null;
    return { atMs: this.exitInfo.at - originMs, code: this.exitInfo.code, signal: this.exitInfo.signal, beforeReady, lastOutput: [...this.tail] };
  }
  /** Resolves when the port accepts connections ('ready'), the process ends, or time runs out. */
  async waitReady(timeoutMs, signal) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (signal.aborted) return "aborted";
      if (!this.alive) return "exited";
      if (this.port === null) {
        await sleep6(300);
        return this.alive ? "ready" : "exited";
      }
      if (await portOpen(this.port)) return "ready";
      await sleep6(50);
    }
    return this.alive ? "timeout" : "exited";
  }
};
var LoadProcess = class {
  child;
  finished = false;
  side;
  exited;
  constructor(side, command, log) {
    this.side = side;
    this.child = spawn("/bin/sh", ["-c", command], { stdio: ["ignore", "pipe", "pipe"], detached: true });
    const write = (chunk) => log?.write(chunk.toString("utf8").split("\n").filter((l) => l !== "").map((l) => `[load ${side}] ${l}
`).join(""));
    this.child.stdout?.on("data", write);
    this.child.stderr?.on("data", write);
    this.exited = new Promise((resolve2) => {
      this.child.once("error", () => resolve2(null));
      this.child.once("exit", (code2) => {
        this.finished = true;
        resolve2(code2);
      });
    });
  }
  get running() {
    return !this.finished;
  }
  async stop() {
    const pid = this.child.pid;
    if (pid === void 0) return;
    for (const signal of ["SIGTERM", "SIGKILL"]) {
      try {
        process.kill(-pid, signal);
      } catch {
        return;
      }
      if (signal === "SIGTERM") await Promise.race([this.exited, sleep6(1e3)]);
    }
  }
};

// src/gate/run-gate.ts
var PROGRESS_EVERY_MS = 5e3;
var STAT_EVERY_MS = 2e3;
var HANG_GRACE_MS = 3e4;
function substitute(command, port, url) {
  let out = command;
  if (port !== null) out = out.replaceAll(Placeholder.Port, String(port));
  if (url !== null) out = out.replaceAll(Placeholder.Url, url);
  return out;
}
var Teardown = class {
  steps = [];
  add(what, run2) {
    this.steps.push({ what, run: run2 });
  }
  async run(logger) {
    for (const step of this.steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        logger.warn(`cleanup: ${step.what} failed: ${error.message}`);
      }
    }
    this.steps.length = 0;
  }
};
async function collect(plan, driver, io, teardown, log) {
  const { logger } = io;
  const signal = AbortSignal.any([io.signal, AbortSignal.timeout(plan.readyTimeoutMs + plan.warmupMs + plan.durationMs + HANG_GRACE_MS)]);
  const warnings = [];
  const groups = {};
  const workloads = {};
  teardown.add("removing the driver root", () => driver.dispose());
  for (const side of SIDES) {
    const group = await driver.create(side, plan.memoryMaxBytes);
    groups[side] = group;
    teardown.add(`removing ${group.location}`, async () => {
      await group.killAll();
      await group.remove();
    });
  }
  for (const side of SIDES) {
    const port = plan.commands[side].includes(Placeholder.Port) ? await freePort() : null;
    workloads[side] = new Workload(side, substitute(plan.commands[side], port, null), port, groups[side], log);
  }
  logger.info(`memgate: started baseline and gray (${driver.name} driver); waiting for them to be ready`);
  const readiness = await Promise.all(SIDES.map((side) => workloads[side].waitReady(plan.readyTimeoutMs, signal)));
  for (const [i, side] of SIDES.entries()) {
    if (readiness[i] === "timeout") {
      throw new UsageError(`${side} did not open port ${workloads[side].port} within ${formatDuration(plan.readyTimeoutMs)}; make the command listen on 127.0.0.1:{port} (memgate puts a free port there), or raise --ready-timeout.`);
    }
  }
  const origin = Date.now();
  const exitedEarly = SIDES.filter((side, i) => readiness[i] === "exited");
  if (plan.load && exitedEarly.length === 0 && !signal.aborted) {
    for (const side of SIDES) {
      const w = workloads[side];
      const url = w.port === null ? null : `http://127.0.0.1:${w.port}`;
      const load = new LoadProcess(side, substitute(plan.load, w.port, url), log);
      teardown.add(`stopping the ${side} load`, () => load.stop());
      void load.exited.then((code2) => {
        if (w.alive && !signal.aborted) warnings.push(`the ${side} load command ended early (status ${code2}) before the window was over`);
      });
    }
  }
  const totalMs = plan.warmupMs + plan.durationMs;
  let sampled;
  if (exitedEarly.length > 0) {
    sampled = { samples: [], stats: [], endedEarly: `${exitedEarly.join(" and ")} exited before it was ready` };
  } else if (signal.aborted) {
    sampled = { samples: [], stats: [], endedEarly: "interrupted" };
  } else {
    logger.info(`memgate: both ready; warm-up ${formatDuration(plan.warmupMs)}, then a ${formatDuration(plan.durationMs)} window sampled every ${formatDuration(plan.intervalMs)}`);
    sampled = await sampleMemory({
      groups,
      intervalMs: plan.intervalMs,
      totalMs,
      statEveryMs: Math.max(STAT_EVERY_MS, plan.intervalMs),
      progressEveryMs: PROGRESS_EVERY_MS,
      signal,
      stopReason: () => SIDES.filter((side) => !workloads[side].alive).map((side) => `${side} exited`)[0] ?? null,
      onProgress: (s) => logger.info(progressLine(s, plan.warmupMs, totalMs))
    });
    if (sampled.endedEarly === "interrupted" && !io.signal.aborted) sampled.endedEarly = "timed out";
  }
  const final = {};
  const sides = {};
  for (const [i, side] of SIDES.entries()) {
    const group = groups[side];
    final[side] = { peakBytes: group.readPeak(), oomKills: group.readOomKills(), exit: workloads[side].exitRelativeTo(origin, readiness[i] === "exited") };
    sides[side] = { command: workloads[side].command, port: workloads[side].port, location: group.location };
  }
  return { sides, sampled, final, warnings };
}
function progressLine(s, warmupMs, totalMs) {
  const phase = s.t < warmupMs ? " (warm-up)" : "";
  const mem = (v) => v === null ? "n/a" : formatBytes(v);
  return `memgate: ${formatDuration(Math.round(s.t / 1e3) * 1e3)}/${formatDuration(totalMs)}${phase}  baseline ${mem(s.baseline)}  gray ${mem(s.gray)}`;
}
async function runGate(plan, io) {
  const driver = selectDriver(plan.cgroupDriver, io.host ?? probeHost());
  for (const limitation of driver.limitations) io.logger.warn(limitation);
  mkdirSync4(bundleDir(plan.outDir), { recursive: true });
  const log = createWriteStream(join5(bundleDir(plan.outDir), BundleFile.Log));
  const teardown = new Teardown();
  let collected;
  try {
    collected = await collect(plan, driver, io, teardown, log);
  } finally {
    await teardown.run(io.logger);
    await new Promise((resolve2) => log.end(resolve2));
  }
  const bundle = {
    meta: {
      schema: BUNDLE_SCHEMA,
      memgateVersion: VERSION,
      createdAt: (/* @__PURE__ */ new Date()).toISOString(),
      driver: driver.name,
      limitations: driver.limitations,
      warmupMs: plan.warmupMs,
      durationMs: plan.durationMs,
      intervalMs: plan.intervalMs,
      memoryMaxBytes: driver.name === "none" ? null : plan.memoryMaxBytes,
      load: plan.load,
      sides: collected.sides,
      warnings: collected.warnings,
      endedEarly: collected.sampled.endedEarly
    },
    samples: collected.sampled.samples,
    stats: collected.sampled.stats,
    final: collected.final
  };
  writeBundle(plan.outDir, bundle);
  if (io.signal.aborted) return { kind: "interrupted", outDir: plan.outDir };
  const report = judgeBundle(bundle, plan);
  return { kind: "judged", report, reportPath: writeReport(plan.outDir, report), outDir: plan.outDir };
}

// src/report/console.ts
var bytes = (v) => v === null ? "n/a" : formatBytes(v);
var slope = (s) => s.slopeBytesPerSec === null ? "n/a" : `${formatRate(s.slopeBytesPerSec)} [${formatRate(s.slopeInterval.low)} .. ${formatRate(s.slopeInterval.high)}]`;
function renderConsole(report) {
  const lines = [];
  const grade = report.grade ? ` (${report.grade})` : "";
  lines.push(`memgate: ${report.verdict.toUpperCase()}${grade}`);
  const rows = [
    ["", "baseline", "gray"],
    ["samples", String(report.baseline.samples), String(report.gray.samples)],
    ["P95", bytes(report.baseline.p95Bytes), bytes(report.gray.p95Bytes)],
    ["peak", bytes(report.baseline.peakBytes), bytes(report.gray.peakBytes)],
    ["floor slope", slope(report.baseline), slope(report.gray)],
    ["OOM kills", String(report.baseline.oomKills ?? "n/a"), String(report.gray.oomKills ?? "n/a")]
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) lines.push("  " + row.map((cell, c) => cell.padEnd(widths[c])).join("   ").trimEnd());
  lines.push(`  P95 change ${formatPercent(report.p95Increase)} (limit ${formatPercent(report.settings.limits.maxP95Increase)}), slope change ${report.slopeDifference ? formatRate(report.slopeDifference.bytesPerSec) : "n/a"} (limit ${formatRate(report.comparisons.find((c) => c.rule === "slope-increase")?.limit ?? 0)})`);
  if (report.projection?.secondsToLimit != null) {
    lines.push(`  at this slope gray reaches its ${formatBytes(report.projection.limitBytes)} limit in about ${formatDuration(report.projection.secondsToLimit * 1e3)}`);
  }
  for (const reason of report.reasons) lines.push(`  ${reason.outcome}: ${reason.message}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return lines.join("\n");
}

// src/cli-impl.ts
var USAGE = `memgate ${VERSION}: a memory release gate for canary rollouts

Usage:
  memgate run --baseline "CMD" --gray "CMD" [options]
  memgate analyze DIR [judge options] [--out DIR2]
  memgate --help | --version

{port} in a command becomes a free loopback port for that workload; {url} in --load becomes
http://127.0.0.1:PORT of the side it loads.

Run options (default):
  --baseline CMD             command that starts the baseline build (required)
  --gray CMD                 command that starts the gray build (required)
  --warmup DUR               time excluded before the window (${Defaults.warmup})
  --duration DUR             observation window (${Defaults.duration})
  --interval DUR             memory sampling interval (${Defaults.interval})
  --max-p95-increase PCT     allowed rise of gray's P95 over baseline's (${Defaults.maxP95Increase})
  --max-slope-increase PCT   allowed rise of gray's floor slope over baseline's (${Defaults.maxSlopeIncrease})
  --min-slope RATE           slope differences below this never block (${Defaults.minSlope})
  --memory-max SIZE          memory limit of each side's cgroup, so OOM kills show (none)
  --load CMD                 load command started against each side during the run (none)
  --cgroup-driver NAME       auto | v2 | systemd | v1 | none (${Defaults.cgroupDriver})
  --ready-timeout DUR        how long a workload may take to open its port (${Defaults.readyTimeout})
  --out DIR                  where report.json and the bundle go (${Defaults.out})
  --on-inconclusive WHAT     fail (exit 3) | pass (exit 0) (${Defaults.onInconclusive})

Exit status: 0 pass or warn, 1 blocked, 2 bad input, 3 inconclusive.`;
var RUN_OPTIONS = Object.values(Option);
var JUDGE_OPTIONS = [Option.Warmup, Option.MaxP95Increase, Option.MaxSlopeIncrease, Option.MinSlope, Option.OnInconclusive, Option.Out];
function parseOptions(args, allowed, positionals) {
  const options = Object.fromEntries(allowed.map((name) => [name, { type: "string" }]));
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"; see memgate --help.`);
    return { raw: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = errorMessage(error).replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(`${message}; see memgate --help for the options.`);
  }
}
async function run(args, io) {
  const { raw } = parseOptions(args, RUN_OPTIONS, 0);
  const plan = buildPlan(raw, { cwd: io.cwd, pathEnv: io.env.PATH ?? "" });
  const outcome = await runGate(plan, { logger: io.logger, signal: io.signal });
  if (outcome.kind === "interrupted") {
    io.logger.warn(`interrupted: both workloads stopped and their cgroups removed; the partial bundle is in ${outcome.outDir}`);
    return 130;
  }
  io.stdout(renderConsole(outcome.report) + "\n");
  io.stdout(`report: ${outcome.reportPath}
`);
  return outcome.report.exitCode;
}
async function analyzeCommand(args, io) {
  const { raw, positionals } = parseOptions(args, JUDGE_OPTIONS, 1);
  const dir = positionals[0];
  if (!dir) throw new UsageError("memgate analyze needs the directory of an earlier run, e.g. memgate analyze memgate-out.");
  const bundle = readBundle(dir);
  const settings = parseJudgeSettings(raw, bundle.meta.warmupMs);
  const report = judgeBundle(bundle, settings);
  io.stdout(renderConsole(report) + "\n");
  const out = raw[Option.Out];
  if (out) io.stdout(`report: ${writeReport(out, report)}
`);
  return report.exitCode;
}
async function cli(argv, io) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run":
        return await run(rest, io);
      case "analyze":
        return await analyzeCommand(rest, io);
      case "--version":
      case "version":
        io.stdout(`${VERSION}
`);
        return ExitCode.Pass;
      case void 0:
      case "--help":
      case "-h":
      case "help":
        io.stdout(USAGE + "\n");
        return command === void 0 ? ExitCode.Usage : ExitCode.Pass;
      default:
        throw new UsageError(`unknown command "${command}"; use "memgate run" or "memgate analyze" (memgate --help lists the options).`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.logger.warn(error.message);
      return ExitCode.Usage;
    }
    io.logger.warn(`internal error: ${errorMessage(error)} (please report it with the command you ran; set MEMGATE_DEBUG=1 for a stack trace)`);
    if (io.env.MEMGATE_DEBUG) io.logger.warn(String(error?.stack));
    return ExitCode.Inconclusive;
  }
}

// src/gate/logger.ts
var stderrLogger = {
  info: (message) => process.stderr.write(`${message}
`),
  warn: (message) => process.stderr.write(`warning: ${message}
`)
};

// src/cli.ts
var controller = new AbortController();
var SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 };
var signalled = null;
for (const name of ["SIGINT", "SIGTERM"]) {
  process.on(name, () => {
    if (signalled) return;
    signalled = name;
    process.stderr.write(`memgate: ${name} received; stopping both workloads and removing their cgroups
`);
    controller.abort();
  });
}
var code = await cli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  logger: stderrLogger,
  signal: controller.signal,
  cwd: process.cwd(),
  env: process.env
});
process.exitCode = signalled ? SIGNAL_EXIT[signalled] : code;
