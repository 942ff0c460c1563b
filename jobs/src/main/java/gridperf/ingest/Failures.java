package gridperf.ingest;

import gridperf.landingfiles.Header;
import java.io.UncheckedIOException;

/**
 * Turns a Spark task failure back into the error the task raised, so its message names the file.
 */
final class Failures {
  private Failures() {}

  static RuntimeException unwrap(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Header.Refused r) {
        return r;
      }
      if (t instanceof UncheckedIOException u) {
        return new Header.Refused(u.getMessage());
      }
    }
    return e;
  }
}
