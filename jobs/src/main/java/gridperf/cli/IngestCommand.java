package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.ingest.IngestJob;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gridperf ingest}: landing files → bronze, quarantine, silver and the file ledger. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Ingest new or changed landing files into bronze, quarantine and silver (docs/contract.md).")
public final class IngestCommand extends LakeCommand {
  @Mixin IngestOptions opts;

  @Override
  protected String jobName() {
    return "ingest";
  }

  @Override
  protected List<String> jobArgs() {
    return opts.arguments(); // the audit row joins them with spaces: "--landing DIR"
  }

  @Override
  protected boolean requiresLake() {
    return !opts.createLake;
  }

  @Override
  protected GridperfConfig configure(GridperfConfig cfg) {
    return opts.landing == null ? cfg : cfg.withLandingRoot(opts.landing);
  }

  @Override
  protected void validate(GridperfConfig cfg) {
    if (opts.asOf != null) {
      try {
        LocalDate.parse(opts.asOf);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--as-of must be YYYY-MM-DD: " + opts.asOf);
      }
    }
  }

  private IngestJob job;

  @Override
  protected String notes() {
    return job == null || job.ignoredFiles().isEmpty() ? null : job.ignoredFiles();
  }

  @Override
  protected JobOutcome execute(JobContext ctx) {
    LocalDate day =
        opts.asOf != null
            ? LocalDate.parse(opts.asOf)
            : LocalDate.ofInstant(ctx.clock().instant(), ctx.config().business().timezone());
    job =
        new IngestJob(
            ctx,
            new IngestJob.Options(
                ctx.config().landing().root(), day, opts.retryQuarantine, opts.allowEmpty));
    return job.run();
  }
}
