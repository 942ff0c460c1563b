package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.ingest.IngestJob;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridperf ingest}: landing files → bronze, quarantine, silver and the file ledger. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Ingest new or changed landing files into bronze, quarantine and silver (DESIGN.md §2).")
public final class IngestCommand extends LakeCommand {
  @Option(names = "--landing", paramLabel = "DIR", description = "Landing root (overrides landing.root).")
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

  @Override
  protected String jobName() {
    return "ingest";
  }

  @Override
  protected List<String> jobArgs() {
    List<String> out = new ArrayList<>();
    if (landing != null) {
      out.add("--landing " + landing);
    }
    if (asOf != null) {
      out.add("--as-of " + asOf);
    }
    if (retryQuarantine) {
      out.add("--retry-quarantine");
    }
    if (allowEmpty) {
      out.add("--allow-empty");
    }
    return out;
  }

  @Override
  protected boolean requiresLake() {
    return false;
  }

  @Override
  protected GridperfConfig configure(GridperfConfig cfg) {
    return landing == null ? cfg : cfg.withLandingRoot(landing);
  }

  @Override
  protected void validate(GridperfConfig cfg) {
    if (asOf != null) {
      try {
        LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--as-of must be YYYY-MM-DD: " + asOf);
      }
    }
  }

  @Override
  protected JobOutcome execute(JobContext ctx) {
    LocalDate day =
        asOf != null
            ? LocalDate.parse(asOf)
            : LocalDate.ofInstant(ctx.clock().instant(), ctx.config().business().timezone());
    return new IngestJob(
            ctx,
            new IngestJob.Options(ctx.config().landing().root(), day, retryQuarantine, allowEmpty))
        .run();
  }
}
