// Files the bundle gets from the analysis: diff profiles for `go tool pprof`, and the eBPF trace's
// folded stacks and line form. The analysis is done once per run and handed in; these only write.
import type { Bundle } from '../model/bundle.ts';
import type { EbpfTrace } from '../model/ebpf.ts';
import { DiffProfileFile } from '../model/profiles.ts';
import { errorMessage } from '../model/errors.ts';
import { analyzeEvidence, type Evidence } from '../analyze/evidence.ts';
import { buildDiffProfiles } from '../analyze/heap-diff-profile.ts';
import { renderEbpfSides } from '../analyze/ebpf-folded.ts';
import { writeProfileFiles } from '../collect/pprof-bundle.ts';
import { writeEbpfFiles } from '../collect/ebpf-bundle.ts';

/**
 * Writes the diff profiles (gray's end minus start, gray's growth minus baseline's) of a bundle's
 * heap evidence into its profile directory. Returns their paths relative to the bundle; none when
 * there is no heap evidence. Never throws. `evidence`: the run's analysis, when it has one already.
 */
export function writeDiffProfiles(
  bundleDir: string,
  bundle: Bundle,
  warmupMs: number,
  evidence: Evidence | null = analyzeEvidence(bundle.profiles, warmupMs),
): { files: string[]; warning: string | null } {
  try {
    const heap = evidence?.heap;
    if (!heap) return { files: [], warning: null };
    return {
      files: writeProfileFiles(
        bundleDir,
        buildDiffProfiles(heap, { gray: DiffProfileFile.Gray, grayVsBaseline: DiffProfileFile.GrayVsBaseline }),
      ),
      warning: null,
    };
  } catch (error) {
    return { files: [], warning: `could not write the diff profiles: ${errorMessage(error)}` };
  }
}

/** Writes trace.json and, per traced side, its folded stacks and line form; returns their paths relative to the bundle. */
export function writeEbpfTrace(bundleDir: string, trace: EbpfTrace): string[] {
  return writeEbpfFiles(bundleDir, trace, renderEbpfSides(trace));
}
