package gridperf.score;

import gridperf.lakehouse.Lake;

/** Lets tests of other packages build the golden lake. */
public final class ScoreJobGoldenTestAccess {
  private ScoreJobGoldenTestAccess() {}

  public static Lake goldenLake() {
    return ScoreJobGoldenTest.goldenLake();
  }
}
