package gridperf.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median of repeated runs and the log-log growth fit of the scaling curve. */
public final class Stats {
  private Stats() {}

  /** The median (mean of the two middle values for an even count). */
  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of nothing");
    }
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  /**
   * Least-squares slope of log(y) against log(x): the growth exponent k of y ∝ x^k (1 = linear).
   * NaN with fewer than two distinct x values.
   */
  public static double growthExponent(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    int n = x.length;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      if (x[i] <= 0 || y[i] <= 0) {
        throw new IllegalArgumentException("log-log fit needs positive values");
      }
      sx += Math.log(x[i]);
      sy += Math.log(y[i]);
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(x[i]) - mx;
      sxx += dx * dx;
      sxy += dx * (Math.log(y[i]) - my);
    }
    return sxx == 0 ? Double.NaN : sxy / sxx;
  }
}
