package gridperf.bench;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Parquet files of a Delta table's <em>current snapshot</em>, read from the Delta log with
 * delta-kernel (no Spark; docs/contract.md, Implementation advice) — a folder's Parquet files
 * include files that earlier overwrites removed, so reading the folder gives wrong answers.
 *
 * <p>Refuses snapshots a plain Parquet reader would misread: deletion vectors (rows deleted without
 * rewriting the file), column mapping (physical column names differ), and partition values that are
 * not in the file's path as {@code column=value} (so DuckDB's hive partitioning can restore them).
 */
public final class SnapshotFiles {
  /** Current version and file paths (absolute, local) of one table. */
  public record Listing(long version, List<String> files, List<String> partitionColumns) {}

  private SnapshotFiles() {}

  /** Lists the files of the latest snapshot of the Delta table at {@code tablePath}. */
  public static Listing list(Path tablePath) throws IOException {
    Engine engine = DefaultEngine.create(new Configuration());
    Snapshot snap =
        Table.forPath(engine, tablePath.toAbsolutePath().toString()).getLatestSnapshot(engine);
    String mapping = snap.getTableProperties().getOrDefault("delta.columnMapping.mode", "none");
    if (!mapping.equals("none")) {
      throw new IllegalStateException(
          tablePath
              + " uses column mapping ("
              + mapping
              + "); plain Parquet readers cannot read it");
    }
    Scan scan = snap.getScanBuilder().build();
    List<String> files = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            Row r = rows.next();
            if (InternalScanFileUtils.getDeletionVectorDescriptorFromRow(r) != null) {
              throw new IllegalStateException(
                  tablePath
                      + " has deletion vectors; plain Parquet readers would see deleted rows");
            }
            String path = InternalScanFileUtils.getAddFileStatus(r).getPath();
            String local = path.startsWith("file:") ? Path.of(URI.create(path)).toString() : path;
            for (Map.Entry<String, String> pv :
                InternalScanFileUtils.getPartitionValues(r).entrySet()) {
              String part = "/" + pv.getKey() + "=" + pv.getValue() + "/";
              if (!local.contains(part)) {
                throw new IllegalStateException(
                    local + ": partition value " + pv + " is not in the path");
              }
            }
            files.add(local);
          }
        }
      }
    }
    return new Listing(snap.getVersion(), files, snap.getPartitionColumnNames());
  }
}
