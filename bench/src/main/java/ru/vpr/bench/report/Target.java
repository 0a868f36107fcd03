package ru.vpr.bench.report;

import java.util.Locale;

/**
 * One of the targets, judged: a measured figure against its limit (lower is better).
 *
 * @param what the target as the issue states it
 * @param scope the data set (or series) it was judged on
 * @param measured the figure; NaN when it was not measured in this run
 * @param limit the largest figure that meets the target
 * @param unit how the figure is shown: {@code ×}, {@code GiB} or empty for an exponent
 */
public record Target(String what, String scope, double measured, double limit, String unit) {

  public boolean measuredHere() {
    return !Double.isNaN(measured);
  }

  public boolean met() {
    return measuredHere() && measured <= limit;
  }

  /** {@code met, 28% under the limit} or {@code not met, 30% over the limit}. */
  public String verdict() {
    if (!measuredHere()) return "not measured in this run";
    double off = (measured / limit - 1) * 100;
    // 0.0 - x would print an exact hit as "-0%".
    return met() ? String.format(Locale.ROOT, "met, %.0f%% under the limit", Math.abs(off))
        : String.format(Locale.ROOT, "**not met**, %.0f%% over the limit", off);
  }

  public String measuredText() {
    if (!measuredHere()) return "–";
    return unit.equals("GiB") ? String.format(Locale.ROOT, "%.1f GiB", measured)
        : String.format(Locale.ROOT, "%.2f%s", measured, unit);
  }

  public String limitText() {
    return unit.equals("GiB") ? String.format(Locale.ROOT, "≤ %.0f GiB", limit)
        : String.format(Locale.ROOT, "≤ %s%s", limit == Math.rint(limit) ? String.valueOf((long) limit) : String.valueOf(limit), unit);
  }
}
