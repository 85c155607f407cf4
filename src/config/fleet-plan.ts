// `memgate fleet` options (CLI flags or the Action's inputs in fleet mode) -> a validated FleetPlan.
// Reads only: the CA file and the credentials' environment variables. Dimension names of --by are
// checked where cells are made (src/run/fleet-run.ts), beside the fuse's cell syntax.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Defaults, Option, PROMETHEUS_PASSWORD_ENV } from '../model/constants.ts';
import { UsageError } from '../model/errors.ts';
import type { RawOptions } from '../model/settings.ts';
import type { CellLabel, FleetPlan } from '../model/fleet.ts';
import { parseDuration } from '../model/units.ts';
import { parseJudgeSettings } from './plan.ts';

function value(raw: RawOptions, name: string): string | undefined {
  const v = raw[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** `region,isp` or `region=topology_region,arch=kubernetes_io_arch`. */
export function parseBy(text: string): CellLabel[] {
  const by: CellLabel[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '')
      throw new UsageError(
        `--${Option.By} "${text}" has an empty entry; give dimensions separated by commas, e.g. --${Option.By} region,arch or --${Option.By} region=topology_region.`,
      );
    const [dimension, label = dimension, more] = part.split('=').map((s) => s.trim());
    if (more !== undefined || !LABEL.test(dimension) || !LABEL.test(label)) {
      throw new UsageError(
        `--${Option.By}: "${part}" is not DIMENSION or DIMENSION=LABEL (label names: letters, digits, _), e.g. --${Option.By} region=topology_region.`,
      );
    }
    if (by.some((b) => b.dimension === dimension.toLowerCase()))
      throw new UsageError(`--${Option.By}: ${dimension} is given twice; give each dimension once.`);
    by.push({ dimension: dimension.toLowerCase(), label });
  }
  return by;
}

/** RFC 3339 (`2026-12-02T10:00:00Z`) or unix seconds. */
export function parseEnd(text: string, nowSec: number): number {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const sec = Number(text);
    if (sec > 1e11)
      throw new UsageError(
        `--${Option.End} ${text} looks like milliseconds; give unix seconds (e.g. ${Math.floor(nowSec)}) or RFC 3339.`,
      );
    return sec;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) {
    throw new UsageError(`--${Option.End} "${text}" is neither RFC 3339 (e.g. 2026-12-02T10:00:00Z) nor unix seconds.`);
  }
  const ms = Date.parse(text);
  if (!Number.isFinite(ms))
    throw new UsageError(`--${Option.End} "${text}" is not a valid time; e.g. 2026-12-02T10:00:00Z.`);
  return ms / 1000;
}

function positiveInt(text: string, option: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw new UsageError(`--${option} "${text}" must be a whole number from 1 to ${max}.`);
  return Number(text);
}

export interface FleetContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  nowSec: number;
}

export function buildFleetPlan(raw: RawOptions, context: FleetContext): FleetPlan {
  const get = (name: string) => value(raw, name);
  const prometheusUrl = get(Option.Prometheus);
  if (!prometheusUrl)
    throw new UsageError(
      `--${Option.Prometheus} is required: the base URL of a Prometheus-compatible store, e.g. --${Option.Prometheus} http://prometheus:9090.`,
    );
  const metric = get(Option.Metric);
  if (!metric)
    throw new UsageError(
      `--${Option.Metric} is required: the memory series, one per instance, e.g. --${Option.Metric} 'process_resident_memory_bytes{job="shop"}'.`,
    );
  const baseline = get(Option.Baseline);
  const gray = get(Option.Gray);
  if (!baseline || !gray)
    throw new UsageError(
      `--${Option.Baseline} and --${Option.Gray} are required in fleet mode: label matchers that pick each side's instances, e.g. --${Option.Baseline} 'track="stable"' --${Option.Gray} 'track="canary"'.`,
    );
  const byText = get(Option.By);
  if (!byText)
    throw new UsageError(
      `--${Option.By} is required: the labels that make a cell (fuse dimensions), e.g. --${Option.By} region or --${Option.By} region=topology_region,arch.`,
    );
  const by = parseBy(byText);
  const instanceLabel = get(Option.InstanceLabel) ?? Defaults.instanceLabel;
  if (!LABEL.test(instanceLabel))
    throw new UsageError(`--${Option.InstanceLabel} "${instanceLabel}" is not a label name (letters, digits, _).`);
  if (by.some((b) => b.label === instanceLabel))
    throw new UsageError(
      `--${Option.InstanceLabel} ${instanceLabel} is also a cell label in --${Option.By}; an instance label must tell instances apart within a cell.`,
    );
  const windowMs = parseDuration(get(Option.Window) ?? Defaults.window, Option.Window);
  if (windowMs < 30_000)
    throw new UsageError(
      `--${Option.Window} must be at least 30s (the judge needs 8 readings a side over 4 floor bins), e.g. --${Option.Window} 30m.`,
    );
  const endText = get(Option.End);
  const endSec = endText === undefined ? Math.floor(context.nowSec) : parseEnd(endText, context.nowSec);
  const stepText = get(Option.Step);
  const stepMs = stepText === undefined ? null : parseDuration(stepText, Option.Step);
  if (stepMs !== null && (stepMs < 1000 || stepMs * 8 > windowMs))
    throw new UsageError(
      `--${Option.Step} must be at least 1s and leave 8 readings in the window (--${Option.Window} ${get(Option.Window) ?? Defaults.window}).`,
    );
  const minInstances = positiveInt(get(Option.MinInstances) ?? Defaults.minInstances, Option.MinInstances, 10_000);
  const stagesFile = get(Option.Stages);
  const stageText = get(Option.Stage);
  if ((stagesFile === undefined) !== (stageText === undefined))
    throw new UsageError(
      `--${Option.Stages} FILE and --${Option.Stage} N go together: the wave whose cells are judged, e.g. --${Option.Stages} .github/stages.yml --${Option.Stage} 1.`,
    );
  const stages =
    stagesFile && stageText ? { file: stagesFile, stage: positiveInt(stageText, Option.Stage, 1000) } : null;

  const tokenEnv = get(Option.PrometheusTokenEnv) ?? Defaults.prometheusTokenEnv;
  const bearerToken = context.env[tokenEnv]?.trim() || null;
  const user = get(Option.PrometheusUser);
  const password = context.env[PROMETHEUS_PASSWORD_ENV] ?? '';
  if (user !== undefined && bearerToken)
    throw new UsageError(
      `both a bearer token (${tokenEnv}) and --${Option.PrometheusUser} are set; give one way to log in.`,
    );
  if (user !== undefined && password === '')
    throw new UsageError(
      `--${Option.PrometheusUser} ${user} needs its password in the environment variable ${PROMETHEUS_PASSWORD_ENV} (never on the command line).`,
    );
  const caPath = get(Option.PrometheusCa);
  let caPem: string | null = null;
  if (caPath !== undefined) {
    try {
      caPem = readFileSync(resolve(context.cwd, caPath), 'utf8');
    } catch (error) {
      throw new UsageError(
        `--${Option.PrometheusCa} ${caPath}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}); give the PEM file of the CA that signed the store's certificate.`,
      );
    }
    if (!caPem.includes('-----BEGIN CERTIFICATE-----'))
      throw new UsageError(
        `--${Option.PrometheusCa} ${caPath} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`,
      );
  }
  const queryTimeoutMs = parseDuration(get(Option.QueryTimeout) ?? Defaults.queryTimeout, Option.QueryTimeout);
  if (queryTimeoutMs < 1000)
    throw new UsageError(`--${Option.QueryTimeout} must be at least 1s; the default is ${Defaults.queryTimeout}.`);
  const pprofText = get(Option.Pprof);
  const pprof = pprofText === undefined || pprofText === 'off' ? null : pprofText;
  if (pprof !== null && (!pprof.includes('{instance}') || !/^https?:\/\//.test(pprof))) {
    throw new UsageError(
      `--${Option.Pprof} in fleet mode is an http(s) URL with {instance} where the instance label's value goes, e.g. --${Option.Pprof} 'http://{instance}/debug/pprof' (or off).`,
    );
  }
  const profileIntervalMs = parseDuration(
    get(Option.ProfileInterval) ?? Defaults.profileInterval,
    Option.ProfileInterval,
  );
  if (profileIntervalMs < 500)
    throw new UsageError(
      `--${Option.ProfileInterval} must be at least 500ms; the default is ${Defaults.profileInterval}.`,
    );
  const judge = parseJudgeSettings({ ...raw, [Option.Warmup]: '0s' });
  return {
    ...judge,
    warmupMs: 0,
    prometheusUrl,
    metric,
    heapMetric: get(Option.HeapMetric) ?? null,
    baseline,
    gray,
    by,
    instanceLabel,
    windowMs,
    endSec,
    endText: new Date(endSec * 1000).toISOString(),
    stepMs,
    minInstances,
    pprof,
    profileIntervalMs,
    stages,
    auth: { bearerToken, basic: user !== undefined ? { user, password } : null, caPem },
    queryTimeoutMs,
    queryConcurrency: positiveInt(
      get(Option.QueryConcurrency) ?? Defaults.queryConcurrency,
      Option.QueryConcurrency,
      64,
    ),
    outDir: get(Option.Out) ?? Defaults.out,
  };
}
