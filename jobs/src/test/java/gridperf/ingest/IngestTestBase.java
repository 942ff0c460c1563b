package gridperf.ingest;

import gridperf.config.ConfigLoader;
import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.testing.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Runs the ingest job in the shared test session on a lake and landing tree of the test. */
abstract class IngestTestBase extends SparkTestBase {
  static final LocalDate AS_OF = LocalDate.of(2016, 1, 1);

  static JobOutcome ingest(Lake lake, Path landing, String... flagsAndSets) {
    boolean retry = false;
    boolean allowEmpty = false;
    List<String> sets = new ArrayList<>();
    for (String s : flagsAndSets) {
      switch (s) {
        case "--retry-quarantine" -> retry = true;
        case "--allow-empty" -> allowEmpty = true;
        default -> sets.add(s);
      }
    }
    GridperfConfig cfg = ConfigLoader.load(null, sets).withLakeRoot(lake.root());
    JobContext ctx =
        new JobContext(
            cfg,
            spark(),
            lake,
            UUID.randomUUID().toString(),
            Progress.silent("ingest"),
            Clock.systemUTC());
    return new IngestJob(ctx, new IngestJob.Options(landing.toString(), AS_OF, retry, allowEmpty))
        .run();
  }

  static Lake newLake() {
    return new Lake(spark(), newDir("lake").toString());
  }

  /** Writes a landing file (UTF-8) under the root, creating folders. */
  static void write(Path root, String rel, String... lines) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(
          p, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A minimal valid master tree: grids G1 (urban), G2 (rural); managers M1, M2; products S1, S3.
   */
  static void master(Path root, String... retailerLines) {
    write(
        root,
        "master/grids.csv",
        "grid_code,grid_name,station,market_type",
        "G1,g1,s,urban",
        "G2,g2,s,rural");
    write(
        root,
        "master/managers.csv",
        "manager_code,manager_name,station,hire_date",
        "M1,a,s,2010-01-01",
        "M2,b,s,2010-01-01");
    write(
        root,
        "master/products.csv",
        "sku_code,sku_name,brand,price_class,carton_price",
        "S1,x,b,1,400.00",
        "S3,y,b,3,100.00");
    List<String> r = new ArrayList<>();
    r.add(
        "retailer_code,retailer_name,format,scale,grade,grid_code,manager_code,license_status,valid_from");
    r.addAll(List.of(retailerLines));
    write(root, "master/retailers.csv", r.toArray(new String[0]));
  }

  static final String SALES_HEADER =
      "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons,amount_yuan";
}
