package gridperf.generate;

/**
 * A small deterministic random stream (SplitMix64). Every stream is derived from the run's seed and
 * the ids of what it generates (retailer, week, ...), so output never depends on thread scheduling
 * or iteration order.
 */
public final class Rng {
  private long state;

  private Rng(long state) {
    this.state = state;
  }

  /** A stream for the given seed and ids (e.g. stream tag, retailer index, week index). */
  public static Rng of(long seed, long... ids) {
    long s = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (long id : ids) {
      s = mix(s ^ (id * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL));
    }
    return new Rng(s);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, n). */
  public int nextInt(int n) {
    return (int) ((nextLong() >>> 1) % n);
  }

  /** Uniform in [lo, hi] inclusive. */
  public int between(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  public boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Standard normal (Box-Muller, one value per call). */
  public double gaussian() {
    double u = Math.max(nextDouble(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * nextDouble());
  }

  /** Poisson-distributed count with the given mean (Knuth for small means, normal otherwise). */
  public int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian()));
    }
    double l = Math.exp(-mean);
    int k = 0;
    double p = nextDouble();
    while (p > l) {
      k++;
      p *= nextDouble();
    }
    return k;
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  public int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  public <T> T pick(T[] items) {
    return items[nextInt(items.length)];
  }
}
