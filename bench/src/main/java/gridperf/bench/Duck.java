package gridperf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A DuckDB connection set up like the Spark runs: same thread count, same memory, same zone. */
final class Duck implements AutoCloseable {
  private final Connection conn;

  Duck(int threads, String memoryLimit) throws SQLException {
    conn = DriverManager.getConnection("jdbc:duckdb:");
    exec("SET threads = " + threads);
    exec("SET memory_limit = " + ReferenceSql.quote(memoryLimit));
    exec("SET TimeZone = 'Asia/Shanghai'");
    exec("SET preserve_insertion_order = false");
  }

  void exec(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + "\n  in: " + abbreviate(sql), e);
    }
  }

  /** Rows of a query, each as an array of Java objects (getObject). */
  List<Object[]> rows(String sql) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = r.getObject(i + 1);
        }
        out.add(row);
      }
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + "\n  in: " + abbreviate(sql), e);
    }
    return out;
  }

  /** Creates view {@code name} over the current-snapshot files of the Delta table at path. */
  SnapshotFiles.Listing deltaView(String name, Path table) throws SQLException, IOException {
    SnapshotFiles.Listing l = SnapshotFiles.list(table);
    if (l.files().isEmpty()) {
      throw new IllegalStateException(table + " has no files in its current snapshot");
    }
    exec(
        "CREATE OR REPLACE VIEW "
            + name
            + " AS SELECT * FROM read_parquet("
            + ReferenceSql.fileList(l.files())
            + ", hive_partitioning = "
            + !l.partitionColumns().isEmpty()
            + ")");
    return l;
  }

  /** Regular files under {@code dir} whose name ends with {@code suffix}, in path order. */
  static List<String> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .map(p -> p.toAbsolutePath().toString())
          .sorted()
          .toList();
    }
  }

  private static String abbreviate(String sql) {
    return sql.length() <= 600 ? sql : sql.substring(0, 600) + " …";
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}
