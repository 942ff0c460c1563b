package gridperf.lakehouse;

import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta lake: where each {@link TableId} lives under the root, reads, writes (through {@link
 * DeltaWrite}) and the bare-name views analysts query. The root is a local path or a URI ({@code
 * file:}, {@code hdfs:}, {@code s3a:}); nothing here touches the driver's local disk directly.
 */
public final class Lake {
  private final SparkSession spark;
  private final String root;

  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    this.root = stripSlash(root);
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  /** The location of a table: {@code <root>/<layer>/<table>}. */
  public String path(TableId table) {
    return root + "/" + table.relativePath();
  }

  /** True when the table has been written at least once. */
  public boolean exists(TableId table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /** The current snapshot of a table; fails naming the table when it does not exist. */
  public Dataset<Row> read(TableId table) {
    requireExists(table);
    return spark.read().format("delta").load(path(table));
  }

  /** The table as of one committed version (time travel); fails like {@link #read(TableId)}. */
  public Dataset<Row> read(TableId table, long version) {
    requireExists(table);
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  private void requireExists(TableId table) {
    if (!exists(table)) {
      throw new IllegalStateException(missing(table));
    }
  }

  /** Why a table cannot be read: it does not exist yet, and what makes it. */
  public String missing(TableId table) {
    return "table "
        + table.tableName()
        + " does not exist in lake "
        + root
        + " (run the job that builds it first)";
  }

  /** The Delta table handle, for merges, deletes and history. */
  public DeltaTable delta(TableId table) {
    return DeltaTable.forPath(spark, path(table));
  }

  /** The current version of a table, or -1 when it does not exist. */
  public long version(TableId table) {
    CommitLog.Commit c = exists(table) ? CommitLog.latest(this, table) : null;
    return c == null ? -1 : c.version();
  }

  /**
   * The latest version of a table that changed its data (compaction and vacuum commits skipped, see
   * {@link CommitLog#dataVersion}), or -1 when it does not exist.
   */
  public long dataVersion(TableId table) {
    return exists(table) ? CommitLog.dataVersion(this, table) : -1;
  }

  /** Starts a write of {@code data} to {@code table}. */
  public DeltaWrite write(TableId table, Dataset<Row> data) {
    return new DeltaWrite(this, table, data);
  }

  /**
   * Makes every existing table queryable by its bare name ({@code SELECT * FROM perf_manager}),
   * time travel included ({@code VERSION AS OF 3}): see {@link LakeCatalog}. Each query sees the
   * table's latest snapshot.
   */
  public List<TableId> registerViews() {
    return LakeCatalog.register(this);
  }

  private static String stripSlash(String s) {
    String r = s;
    while (r.length() > 1 && r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }
}
