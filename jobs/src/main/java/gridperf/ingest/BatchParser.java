package gridperf.ingest;

import gridperf.job.JobContext;
import gridperf.lakehouse.TableId;
import gridperf.landingfiles.FileParser;
import gridperf.landingfiles.Header;
import gridperf.landingfiles.LandingFile;
import gridperf.landingfiles.LandingSource;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Parses the delivered files of a batch into bronze rows ({@link Bronze#SCHEMA}), one dataset per
 * bronze table. Master files are small: they are parsed on the driver into a local relation. Fact
 * files are parsed on the executors, packed into about {@link #BYTES_PER_TASK} of landing text a
 * task (largest first, each file whole in one task) and persisted, since validation, the tally and
 * the bronze and silver writes all read them.
 */
final class BatchParser {
  /** Landing bytes one parse task aims at. */
  static final long BYTES_PER_TASK = 16L << 20;

  private BatchParser() {}

  /**
   * What parsing a delivered file takes besides the file: the headers and charsets of the batch's
   * files and the batch's id, sequence, time and as-of date (sent to the executors with the tasks).
   */
  private record ParseSettings(
      Map<String, Header> headers,
      Map<String, String> charsets,
      String batchId,
      long batchSeq,
      Timestamp now,
      java.sql.Date asOf)
      implements Serializable {
    FileParser open(LandingFile f) {
      return new FileParser(
          f,
          headers.get(f.relativePath()),
          charsets.get(f.source().label()),
          batchId,
          batchSeq,
          now,
          asOf);
    }
  }

  /**
   * The parsed rows of the delivered files by bronze table (every table of {@link Bronze#TABLES}).
   */
  static Map<TableId, Dataset<Row>> parse(
      JobContext ctx, Deliveries d, long batchSeq, LocalDate asOfDate) {
    SparkSession spark = ctx.spark();
    Map<String, String> charsets = new HashMap<>();
    for (LandingSource s : LandingSource.values()) {
      charsets.put(s.label(), ctx.config().landing().charsetOf(s.charsetGroup()));
    }
    ParseSettings settings =
        new ParseSettings(
            new HashMap<>(d.headers()),
            charsets,
            ctx.runId(),
            batchSeq,
            Timestamp.from(ctx.clock().instant()),
            java.sql.Date.valueOf(asOfDate));
    Map<TableId, List<LandingFile>> byTable = new HashMap<>();
    for (TableId t : Bronze.TABLES) {
      byTable.put(t, new ArrayList<>());
    }
    for (LandingFile f : d.delivered()) {
      byTable.get(f.source().bronzeTable()).add(f);
    }
    Map<TableId, Dataset<Row>> out = new HashMap<>();
    List<Row> master = new ArrayList<>();
    for (LandingFile f : byTable.get(TableId.BRONZE_MASTER)) {
      try (FileParser p = settings.open(f)) {
        p.forEachRemaining(master::add);
      }
    }
    out.put(TableId.BRONZE_MASTER, spark.createDataFrame(master, Bronze.SCHEMA));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    for (TableId t : FactSource.bronzeTables()) {
      List<List<LandingFile>> tasks = packed(byTable.get(t), jsc.defaultParallelism());
      if (tasks.isEmpty()) {
        out.put(t, spark.createDataFrame(List.of(), Bronze.SCHEMA));
        continue;
      }
      JavaRDD<Row> rows =
          jsc.parallelize(tasks, tasks.size())
              .flatMap(
                  files ->
                      files.stream()
                          .flatMap(
                              f ->
                                  StreamSupport.stream(
                                      Spliterators.spliteratorUnknownSize(
                                          settings.open(f), Spliterator.ORDERED),
                                      false))
                          .iterator());
      out.put(
          t,
          spark.createDataFrame(rows, Bronze.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK_SER()));
    }
    return out;
  }

  /**
   * Packs files into tasks: at least twice {@code parallelism} tasks (when there are that many
   * files), more when the files exceed {@link #BYTES_PER_TASK} each; largest file first into the
   * lightest task.
   */
  static List<List<LandingFile>> packed(List<LandingFile> files, int parallelism) {
    long total = files.stream().mapToLong(LandingFile::size).sum();
    int n =
        (int)
            Math.min(
                files.size(),
                Math.max(2L * parallelism, (total + BYTES_PER_TASK - 1) / BYTES_PER_TASK));
    List<List<LandingFile>> tasks = new ArrayList<>();
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      tasks.add(new ArrayList<>());
    }
    List<LandingFile> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(LandingFile::size).reversed());
    for (LandingFile f : bySize) {
      int lightest = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      tasks.get(lightest).add(f);
      load[lightest] += f.size();
    }
    return tasks;
  }
}
