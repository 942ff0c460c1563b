package gridperf.cli;

import gridperf.generate.GenSpec;
import gridperf.generate.Generator;
import gridperf.job.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gridperf generate}: writes a synthetic landing tree (docs/contract.md, Landing files) for
 * a county of the given scale. Plain Java, no Spark: it writes files, not tables.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write synthetic landing data (master, sales, touchpoints) in the landing format of docs/contract.md.",
      "Scale 1 ≈ one county: ~5,000 retailers, 30 managers, 60 grids, 300 SKUs,",
      "~15 million sales lines and ~1 million touchpoints over 5 years.",
      "The same arguments always write byte-identical files.",
      "The common options are accepted as by every command (settings are checked and the log",
      "format applied); generate writes no lake."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--scale",
      required = true,
      description = "Scale factor (1 ≈ one county; 0.01 for tests).")
  double scale;

  @Option(
      names = "--out",
      required = true,
      description = "Landing root to write (created if missing).")
  Path out;

  @Option(
      names = "--years",
      defaultValue = "2011-2015",
      description = "Calendar years, e.g. 2011-2015 (default ${DEFAULT-VALUE}).")
  String years;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--dirty-rate",
      defaultValue = "0",
      description =
          "Share of fact rows to spoil with bad-input kinds, e.g. 0.002; writes the faults into"
              + " manifest.json (default 0: contract-clean).")
  double dirtyRate;

  @Option(
      names = "--gaming-rate",
      defaultValue = "0",
      description =
          "Share of managers who game the integrity flags in some months (0..1); the planted"
              + " (manager, month, pattern) triples go into manifest.json (default 0: none).")
  double gamingRate;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description =
          "Writer threads (default: the number of cores). The output does not depend on it.")
  int threads;

  @Override
  public Integer call() throws Exception {
    common.load();
    int[] y = GenSpec.parseYears(years);
    GenSpec spec = new GenSpec(scale, y[0], y[1], seed, dirtyRate);
    if (!(gamingRate >= 0) || gamingRate > 1) {
      throw new IllegalArgumentException("--gaming-rate must be in [0, 1], got " + gamingRate);
    }
    if (spec.end().isAfter(java.time.LocalDate.now())) {
      throw new UsageError(
          "--years: " + spec.lastYear() + " is not over yet; its dates would be out of range");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageError("--out " + out + " is a file, not a folder");
    }
    if (Files.isDirectory(out)) {
      try (var s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new UsageError("--out " + out + " is not empty; choose a new folder");
        }
      }
    }
    Files.createDirectories(out);
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    Generator.Summary s =
        new Generator(spec, out, Progress.console("generate"), n, gamingRate).run();
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "generated %s: %d grids, %d managers, %d SKUs, %d retailers (%d versions), "
            + "%,d sales lines, %,d touchpoints, %,d inspections, %d files, %d injected fault rows in %.1f s%n",
        out,
        s.grids(),
        s.managers(),
        s.products(),
        s.retailers(),
        s.retailerVersions(),
        s.salesRows(),
        s.touchpoints(),
        s.inspections(),
        s.files(),
        s.faultRows(),
        secs);
    return 0;
  }
}
