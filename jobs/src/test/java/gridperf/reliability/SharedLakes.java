package gridperf.reliability;

import gridperf.lakehouse.Lake;
import java.nio.file.Path;
import java.util.TimeZone;

/**
 * Lakes made once per test JVM and shared by the reliability tests (Spark is slow here): tests that
 * write take a {@link ReliabilityBase#copy} first, never the shared lake itself. They are made with
 * the JVM default time zone set to Asia/Shanghai (restored after), so {@link
 * TimeZoneIndependenceTest} can compare them with a run under America/Los_Angeles.
 */
final class SharedLakes {
  static final String ZONE = "Asia/Shanghai";
  private static Path landing1;
  private static Path landing2;
  private static Lake base;
  private static Lake ingested2;
  private static Lake reference;

  private SharedLakes() {}

  /** The first delivery of {@link TinyLanding}. */
  static synchronized Path landing1() {
    if (landing1 == null) {
      landing1 = ReliabilityBase.dir("landing1");
      TinyLanding.first(landing1);
    }
    return landing1;
  }

  /** The first and the second delivery. */
  static synchronized Path landing2() {
    if (landing2 == null) {
      landing2 = ReliabilityBase.copyTree(landing1());
      TinyLanding.second(landing2);
    }
    return landing2;
  }

  /** landing1 ingested and built (read-only: copy before writing). */
  static synchronized Lake base() {
    if (base == null) {
      base =
          inZone(
              () -> {
                Lake l = ReliabilityBase.newLake();
                ReliabilityBase.ingest(l, landing1());
                ReliabilityBase.build(l);
                return l;
              });
    }
    return base;
  }

  /** base with landing2 ingested cleanly, not built yet: the expected silver after a rerun. */
  static synchronized Lake ingested2() {
    if (ingested2 == null) {
      ingested2 =
          inZone(
              () -> {
                Lake l = ReliabilityBase.copy(base());
                ReliabilityBase.ingest(l, landing2());
                return l;
              });
    }
    return ingested2;
  }

  /** ingested2 built cleanly: the expected gold after a rerun. */
  static synchronized Lake reference() {
    if (reference == null) {
      reference =
          inZone(
              () -> {
                Lake l = ReliabilityBase.copy(ingested2());
                ReliabilityBase.build(l);
                return l;
              });
    }
    return reference;
  }

  private static Lake inZone(java.util.function.Supplier<Lake> make) {
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    try {
      return make.get();
    } finally {
      TimeZone.setDefault(saved);
    }
  }
}
