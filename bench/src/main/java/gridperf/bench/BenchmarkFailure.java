package gridperf.bench;

/** The benchmark cannot give a trustworthy figure: a stage failed or the answers disagree. */
public final class BenchmarkFailure extends RuntimeException {
  public BenchmarkFailure(String message) {
    super(message);
  }
}
