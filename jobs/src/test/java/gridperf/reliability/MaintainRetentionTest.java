package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code maintain --retain-hours N}: VACUUM applies the retention asked for (Delta ignores any
 * value but 0 unless told otherwise), deleting unreferenced files older than N hours and keeping
 * newer ones, and the run prints one line per table.
 */
class MaintainRetentionTest extends ReliabilityBase {
  @Test
  void vacuumDeletesUnreferencedFilesOlderThanTheRetentionAndKeepsNewerOnes() throws IOException {
    Lake lake = newLake();
    lake.write(TableId.DIM_GRID, spark().sql("SELECT 'G1' AS grid_code")).commit();
    Path table = Path.of(lake.path(TableId.DIM_GRID));
    Path old = stray(table, "part-00000-stray-old.snappy.parquet", Duration.ofHours(30));
    Path recent = stray(table, "part-00000-stray-recent.snappy.parquet", Duration.ofHours(20));

    UpdateTest.Out o =
        UpdateTest.out(
            "maintain",
            "--lake",
            lake.root(),
            "--tables",
            "dim_grid",
            "--no-optimize",
            "--retain-hours",
            "24",
            "--allow-short-retention");

    assertThat(o.status()).as(o.err()).isZero();
    assertThat(Files.exists(old)).as("unreferenced for 30 h").isFalse();
    assertThat(Files.exists(recent)).as("unreferenced for 20 h").isTrue();
    assertThat(lake.read(TableId.DIM_GRID).count()).isEqualTo(1);
    List<String> lines = o.out().strip().lines().toList();
    assertThat(lines)
        .containsExactly(
            "maintain: 1 tables, 0 small files compacted into 0, 1 unreferenced files older than 24 h deleted",
            "  dim_grid             1 unreferenced file deleted");
  }

  private static Path stray(Path table, String name, Duration age) throws IOException {
    Path p = Files.writeString(table.resolve(name), "not referenced by any version");
    Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(age)));
    return p;
  }
}
