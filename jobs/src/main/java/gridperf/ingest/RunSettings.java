package gridperf.ingest;

import gridperf.job.Progress;
import gridperf.landingfiles.LandingFile;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * The session settings an ingest run changes while it commits, and restores when it ends (the
 * session outlives the run: demo, notebooks, tests): the shuffle partitions, raised for a large
 * batch ({@link #shufflePartitions}), and the batch's commit tag ({@link Commits#tag}), which every
 * Delta commit of the run carries as user metadata.
 */
final class RunSettings {
  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /** Landing bytes per shuffle partition of the precedence sort and the persisted rows. */
  static final long SORT_BYTES_PER_PARTITION = 32L << 20;

  private final SparkSession spark;
  private final String previousPartitions;
  private final String previousTag;

  private RunSettings(SparkSession spark, String previousPartitions, String previousTag) {
    this.spark = spark;
    this.previousPartitions = previousPartitions;
    this.previousTag = previousTag;
  }

  /** Sizes the shuffle for the batch's sorted bytes and tags the commits with its batch_seq. */
  static RunSettings apply(SparkSession spark, Progress progress, Batch b, boolean full) {
    String previousPartitions = spark.conf().get(SHUFFLE_PARTITIONS);
    sizeShuffle(spark, progress, sortedBytes(b, full));
    String previousTag = spark.conf().get(Commits.USER_METADATA, null);
    spark.conf().set(Commits.USER_METADATA, Commits.tag(b.batchSeq()));
    return new RunSettings(spark, previousPartitions, previousTag);
  }

  /** Puts back the commit tag and the shuffle partitions the session had before the run. */
  void restore() {
    if (previousTag == null) {
      spark.conf().unset(Commits.USER_METADATA);
    } else {
      spark.conf().set(Commits.USER_METADATA, previousTag);
    }
    spark.conf().set(SHUFFLE_PARTITIONS, previousPartitions);
  }

  /**
   * Landing bytes of the rows the precedence window sorts: the batch's files, plus on the full path
   * every other ledger file (master files are counted like the others; they are small).
   */
  static long sortedBytes(Batch b, boolean full) {
    long bytes = b.deliveries().delivered().stream().mapToLong(LandingFile::size).sum();
    if (full) {
      Set<String> delivered = b.deliveries().deliveredPaths();
      bytes +=
          b.ledger().values().stream()
              .filter(e -> !delivered.contains(e.sourceFile()))
              .mapToLong(IngestFiles.Entry::size)
              .sum();
    }
    return bytes;
  }

  /**
   * Raises {@code spark.sql.shuffle.partitions} for a large batch, never lowers it: the shuffles of
   * a run (the precedence window of the incremental path, the key-hash count of the full path, the
   * silver writes by month) hold every fact row in that many partitions, and too few make blocks
   * that do not fit a task's share of the heap (8 partitions ran a scale-1 ingest out of a 6 GiB
   * heap when the window sorted every row). Small batches keep the configured count, which adaptive
   * execution coalesces anyway. {@link #restore} puts back the previous value when the run ends.
   */
  private static void sizeShuffle(SparkSession spark, Progress progress, long bytes) {
    int now = Integer.parseInt(spark.conf().get(SHUFFLE_PARTITIONS));
    int wanted = shufflePartitions(bytes, now);
    if (wanted > now) {
      spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(wanted));
      progress.step(
          "shuffle partitions "
              + now
              + " -> "
              + wanted
              + " for "
              + (bytes >> 20)
              + " MiB of landing files");
    }
  }

  /**
   * The shuffle partitions for sorting {@code bytes} of fact files: the configured count or more.
   */
  static int shufflePartitions(long bytes, int configured) {
    long wanted = Math.min(4000, (bytes + SORT_BYTES_PER_PARTITION - 1) / SORT_BYTES_PER_PARTITION);
    return (int) Math.max(configured, wanted);
  }
}
