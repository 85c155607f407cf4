import { Defaults, Option } from '../model/constants.ts';
import { UsageError } from '../model/errors.ts';
import type { EbpfMode, EbpfPlan, EbpfSwitch } from '../model/ebpf.ts';

const SWITCHES: readonly EbpfSwitch[] = ['auto', 'on', 'off'];
const MODES: readonly EbpfMode[] = ['sampled', 'every'];
export const MAX_STACK_DEPTH = 64;

function integer(text: string, option: string, min: number, max: number, example: string): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(
      `--${option}: "${text}" is not a whole number from ${min} to ${max}; e.g. --${option} ${example}.`,
    );
  }
  return Number(text);
}

/** --ebpf, --ebpf-mode, --ebpf-sample-rate, --stack-depth. */
export function parseEbpfOptions(get: (name: string) => string | undefined): EbpfPlan {
  const enabled = (get(Option.Ebpf) ?? Defaults.ebpf).toLowerCase();
  if (!SWITCHES.includes(enabled as EbpfSwitch))
    throw new UsageError(
      `--${Option.Ebpf}: "${enabled}" is not allowed; use auto (trace when the host allows it, the default), on (must trace) or off.`,
    );
  const mode = (get(Option.EbpfMode) ?? Defaults.ebpfMode).toLowerCase();
  if (!MODES.includes(mode as EbpfMode))
    throw new UsageError(
      `--${Option.EbpfMode}: "${mode}" is not a mode; use sampled (the default, where Go samples its heap profile: cheap) or every (every runtime.mallocgc call: costly).`,
    );
  const rateText = get(Option.EbpfSampleRate);
  if (rateText !== undefined && mode !== 'every')
    throw new UsageError(
      `--${Option.EbpfSampleRate} applies to --${Option.EbpfMode} every only (the sampled mode follows Go's own MemProfileRate); drop it or add --${Option.EbpfMode} every.`,
    );
  return {
    enabled: enabled as EbpfSwitch,
    mode: mode as EbpfMode,
    sampleRate: integer(rateText ?? Defaults.ebpfSampleRate, Option.EbpfSampleRate, 1, 1_000_000, '64'),
    stackDepth: integer(get(Option.StackDepth) ?? Defaults.stackDepth, Option.StackDepth, 1, MAX_STACK_DEPTH, '8'),
  };
}
