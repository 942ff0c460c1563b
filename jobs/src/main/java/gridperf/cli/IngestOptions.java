package gridperf.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code ingest}; {@code update} takes the same and passes them on. */
public final class IngestOptions {
  @Option(
      names = "--landing",
      paramLabel = "DIR",
      description = "Landing root (overrides landing.root).")
  String landing;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Latest valid business date (default: today in business.timezone).")
  String asOf;

  @Option(
      names = "--retry-quarantine",
      description = "Re-validate every row against the current master data even if none changed.")
  boolean retryQuarantine;

  @Option(
      names = "--allow-empty",
      description = "Accept an empty re-delivery of a file that had rows (withdraws them).")
  boolean allowEmpty;

  @Option(
      names = "--create-lake",
      description =
          "Create the lake if its folder does not exist (the first run); without it a missing lake"
              + " is refused, so a mistyped --lake creates nothing.")
  boolean createLake;

  /** The options given, as command-line arguments. */
  List<String> arguments() {
    List<String> out = new ArrayList<>();
    if (landing != null) {
      out.add("--landing");
      out.add(landing);
    }
    if (asOf != null) {
      out.add("--as-of");
      out.add(asOf);
    }
    if (retryQuarantine) {
      out.add("--retry-quarantine");
    }
    if (allowEmpty) {
      out.add("--allow-empty");
    }
    if (createLake) {
      out.add("--create-lake");
    }
    return out;
  }
}
