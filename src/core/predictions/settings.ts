// Whether a recorded result answers the current rules. The App judges what a training run
// computed and recorded; if the trusted config has since changed how a source is computed (a
// higher min_slice_count, another confidence, threshold or seed, other slices), the recording
// answers other rules, and its checks must wait for a run that computes under these.
import type { MetricSourceSpec } from "../config/types.js";
import type { PredictionsResult } from "./evaluate.js";

/** What differs between how `result` was computed and how `spec` says to compute it; empty when nothing. */
export function settingsDiffer(spec: MetricSourceSpec, result: PredictionsResult): string[] {
  const wanted = spec.predictions;
  if (!wanted) return ["the rules no longer name it a predictions source"];
  const pairs: [string, unknown, unknown][] = [
    ["task", result.task, wanted.task],
    ["min_slice_count", result.minSliceCount, wanted.minSliceCount],
    ["bootstrap.resamples", result.bootstrap.resamples, wanted.bootstrap.resamples],
    ["bootstrap.seed", result.bootstrap.seed, wanted.bootstrap.seed],
    ["bootstrap.confidence", result.bootstrap.confidence, wanted.bootstrap.confidence],
    ["slices", result.slices.map((s) => s.column).join(", "), wanted.slices.join(", ")],
    ...(wanted.task === "binary"
      ? ([
          ["threshold", result.threshold, wanted.threshold],
          ["calibration_bins", result.calibrationBins, wanted.calibrationBins],
        ] as [string, unknown, unknown][])
      : []),
  ];
  return pairs
    .filter(([, recorded, now]) => recorded !== now)
    .map(([key, recorded, now]) => `${key} ${String(recorded)} (the rules now say ${String(now)})`);
}

/** Load errors for the computed sources that `specs` now compute otherwise, by source name. */
export function staleRecordings(
  specs: MetricSourceSpec[],
  sources: { name: string; file: string; predictions?: PredictionsResult }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const source of sources) {
    if (!source.predictions) continue;
    const spec = specs.find((s) => s.name === source.name);
    const differ = spec ? settingsDiffer(spec, source.predictions) : ["the rules no longer name it"];
    if (differ.length > 0)
      errors[source.name] =
        `${source.file}: computed with ${differ.join(", ")}: a training run under the current rules must compute it again`;
  }
  return errors;
}
