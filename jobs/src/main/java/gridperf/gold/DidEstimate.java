package gridperf.gold;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A difference-in-differences estimate from grid-level window values: each grid gives (pre, post);
 * Δ = post − pre. did = mean Δ of the pilot grids − mean Δ of the control grids; se = √(s²ₚ/nₚ +
 * s²꜀/n꜀) with sample variances (NULL when either arm has fewer than two grids); df = min(nₚ, n꜀) −
 * 1; t_crit = the 0.975 quantile of Student's t with df degrees of freedom; ci = did ∓ t_crit × se;
 * significant = the interval excludes 0 (NULL when se is NULL or 0). NULL is Java {@code null}
 * throughout.
 */
public record DidEstimate(
    int nPilot,
    int nControl,
    Double pilotPre,
    Double pilotPost,
    Double controlPre,
    Double controlPost,
    Double did,
    Double se,
    Integer df,
    Double tCrit,
    Double ciLow,
    Double ciHigh,
    Boolean significant) {

  /** One grid's window values, both non-NULL. */
  public record GridValues(double pre, double post) {
    double delta() {
      return post - pre;
    }
  }

  /** The estimate from the pilot and control grids that have a Δ. */
  public static DidEstimate of(List<GridValues> pilot, List<GridValues> control) {
    int np = pilot.size();
    int nc = control.size();
    Double did = np > 0 && nc > 0 ? meanDelta(pilot) - meanDelta(control) : null;
    if (np < 2 || nc < 2) {
      return new DidEstimate(
          np,
          nc,
          mean(pilot, true),
          mean(pilot, false),
          mean(control, true),
          mean(control, false),
          did,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    double se = Math.sqrt(variance(pilot) / np + variance(control) / nc);
    int df = Math.min(np, nc) - 1;
    double t = tQuantile975(df);
    double low = did - t * se;
    double high = did + t * se;
    Boolean significant = se == 0 ? null : low > 0 || high < 0;
    return new DidEstimate(
        np,
        nc,
        mean(pilot, true),
        mean(pilot, false),
        mean(control, true),
        mean(control, false),
        did,
        se,
        df,
        t,
        low,
        high,
        significant);
  }

  /** The 0.975 quantile of Student's t with {@code df} degrees of freedom (Commons Math). */
  public static double tQuantile975(int df) {
    // the default solver accuracy (1e-9 absolute) is too coarse for a value shown to 1e-12
    return new TDistribution(null, df, 1e-14).inverseCumulativeProbability(0.975);
  }

  private static Double mean(List<GridValues> grids, boolean pre) {
    if (grids.isEmpty()) {
      return null;
    }
    double s = 0;
    for (GridValues g : grids) {
      s += pre ? g.pre() : g.post();
    }
    return s / grids.size();
  }

  private static double meanDelta(List<GridValues> grids) {
    double s = 0;
    for (GridValues g : grids) {
      s += g.delta();
    }
    return s / grids.size();
  }

  private static double variance(List<GridValues> grids) {
    double m = meanDelta(grids);
    double s = 0;
    for (GridValues g : grids) {
      double d = g.delta() - m;
      s += d * d;
    }
    return s / (grids.size() - 1);
  }
}
