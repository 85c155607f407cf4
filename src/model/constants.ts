// Every name a user types or reads (CLI flags, Action inputs and outputs, files) lives here.

export const VERSION = '0.1.0';
/** @3: each rule's three-way decision and bounds (comparisons' decision, low, high, detectable), the verdict's
 * sensitivity (what it rules out, the smallest leak it would have caught) and how the run watched (watch). */
export const REPORT_SCHEMA = 'memgate/report@3';
/** @2: replicas (per-instance readings, stats, finals, metas; profile entries by instance). @1 bundles still read. */
export const BUNDLE_SCHEMA = 'memgate/bundle@2';
/** Bundles this memgate re-judges: @1 has one process a side, which @2 reads as such. */
export const READABLE_BUNDLE_SCHEMAS: readonly string[] = ['memgate/bundle@1', BUNDLE_SCHEMA];
/** `memgate fleet`'s report: one judged cell per entry and the fleet's summary. */
export const FLEET_REPORT_SCHEMA = 'memgate/fleet-report@1';

/**
 * A local run still going this long after --ready-timeout + --warm-up + --duration is hung: it is stopped,
 * cleaned up and judged on what it read (README: "Cleanup always happens"). Also the fuse's deadline margin.
 */
export const HANG_GRACE_MS = 30_000;

export const ExitCode = {
  Pass: 0,
  Blocked: 1,
  Usage: 2,
  Inconclusive: 3,
} as const;

/** Option names shared by the CLI (`--name`) and the Action (`name` input). */
export const Option = {
  Baseline: 'baseline',
  Gray: 'gray',
  Warmup: 'warmup',
  Duration: 'duration',
  // Watching: --duration is the first look, --max-duration the budget (src/gate/watch.ts).
  MaxDuration: 'max-duration',
  Interval: 'interval',
  MaxP95Increase: 'max-p95-increase',
  MinP95Delta: 'min-p95-delta',
  MaxSlopeIncrease: 'max-slope-increase',
  MinSlope: 'min-slope',
  MemoryMax: 'memory-max',
  Load: 'load',
  Pprof: 'pprof',
  BaselinePprof: 'baseline-pprof',
  GrayPprof: 'gray-pprof',
  ProfileInterval: 'profile-interval',
  CgroupDriver: 'cgroup-driver',
  Out: 'out',
  OnInconclusive: 'on-inconclusive',
  ReadyTimeout: 'ready-timeout',
  // Teardown and the workloads' environment: SIGTERM then this long before SIGKILL; variables kept past the scrub.
  StopTimeout: 'stop-timeout',
  PassEnv: 'pass-env',
  // Verdict trust: processes per side, and the Go heap sampling rate both sides get.
  Replicas: 'replicas',
  MemprofileRate: 'memprofile-rate',
  // eBPF allocation tracing (src/collect/ebpf-*.ts).
  Ebpf: 'ebpf',
  EbpfMode: 'ebpf-mode',
  EbpfSampleRate: 'ebpf-sample-rate',
  StackDepth: 'stack-depth',
  // The matrix fuse (src/fuse): the cell this run is, and where its fuse lives.
  Cell: 'cell',
  Fuse: 'fuse',
  FuseScope: 'fuse-scope',
  FuseDimensionThreshold: 'fuse-dimension-threshold',
  FuseStore: 'fuse-store',
  FuseDir: 'fuse-dir',
  // Fleet mode (`memgate fleet`, the Action's `mode: fleet`): live canaries judged per cell from a
  // Prometheus-compatible store (src/source/prometheus). --baseline/--gray are then label matchers.
  Prometheus: 'prometheus',
  Metric: 'metric',
  HeapMetric: 'heap-metric',
  By: 'by',
  InstanceLabel: 'instance-label',
  Window: 'window',
  End: 'end',
  Step: 'step',
  MinInstances: 'min-instances',
  Stages: 'stages',
  Stage: 'stage',
  PrometheusTokenEnv: 'prometheus-token-env',
  PrometheusUser: 'prometheus-user',
  PrometheusCa: 'prometheus-ca',
  QueryTimeout: 'query-timeout',
  QueryConcurrency: 'query-concurrency',
} as const;
export type OptionName = (typeof Option)[keyof typeof Option];

export const Defaults = {
  warmup: '10s',
  duration: '30s',
  maxDuration: '5m',
  interval: '250ms',
  maxP95Increase: '12%',
  minP95Delta: '2MiB',
  maxSlopeIncrease: '100%',
  minSlope: '512KiB/min',
  replicas: '3',
  memprofileRate: '64KiB',
  cgroupDriver: 'auto',
  pprof: 'http://127.0.0.1:{port}/debug/pprof',
  profileInterval: '5s',
  out: 'memgate-out',
  onInconclusive: 'fail',
  readyTimeout: '30s',
  stopTimeout: '10s',
  ebpf: 'auto',
  ebpfMode: 'sampled',
  ebpfSampleRate: '64',
  stackDepth: '8',
  fuse: 'off',
  fuseDimensionThreshold: '2,>50%',
  fuseStore: 'auto',
  fuseDir: '.memgate-fuse',
  instanceLabel: 'instance',
  window: '30m',
  minInstances: '2',
  prometheusTokenEnv: 'MEMGATE_PROMETHEUS_TOKEN',
  queryTimeout: '60s',
  queryConcurrency: '4',
} as const;

/** Options only `memgate fleet` reads (`memgate run` refuses them). */
export const FLEET_ONLY_OPTIONS: readonly OptionName[] = [
  Option.Prometheus,
  Option.Metric,
  Option.HeapMetric,
  Option.By,
  Option.InstanceLabel,
  Option.Window,
  Option.End,
  Option.Step,
  Option.MinInstances,
  Option.Stages,
  Option.Stage,
  Option.PrometheusTokenEnv,
  Option.PrometheusUser,
  Option.PrometheusCa,
  Option.QueryTimeout,
  Option.QueryConcurrency,
];

/** Environment variable holding the basic-auth password for --prometheus-user. */
export const PROMETHEUS_PASSWORD_ENV = 'MEMGATE_PROMETHEUS_PASSWORD';

export const ActionOutput = {
  Verdict: 'verdict',
  Grade: 'grade',
  Report: 'report',
  P95Increase: 'p95-increase',
  SlopeIncrease: 'slope-increase',
  Fused: 'fused',
  FuseReason: 'fuse-reason',
  HtmlReport: 'html-report',
  CommentUrl: 'comment-url',
} as const;

/** Action inputs that are not gate options. */
export const ActionInput = {
  GithubToken: 'github-token',
  Comment: 'comment',
  CommentKey: 'comment-key',
  /** `run` (default: both builds on the runner) or `fleet` (live canaries from a Prometheus-compatible store). */
  Mode: 'mode',
} as const;

/** Written next to report.json when the fuse is on: what the fuse did for this cell. */
export const FuseFile = 'fuse.json';

export const BundleFile = {
  Dir: 'bundle',
  Meta: 'meta.json',
  Samples: 'samples.jsonl',
  Stats: 'stat.jsonl',
  Final: 'final.json',
  Log: 'workloads.log',
} as const;

export const ReportFile = 'report.json';
export const HtmlReportFile = 'report.html';

/** Placeholders substituted in user commands. */
export const Placeholder = { Port: '{port}', Url: '{url}' } as const;
