package gridperf.export;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.query.Cells;
import gridperf.query.ResultFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Exports lake tables for tools that cannot read Delta: xlsx (typed cells, see {@link XlsxWriter}),
 * CSV with a UTF-8 BOM for Excel, or a plain Parquet snapshot. Reads the table's current version
 * (or {@code version} when given) and keeps the rows matching {@code where}; xlsx and CSV rows are
 * ordered by their columns in schema order, so a table exports the same way twice.
 */
public final class Exporter {
  /** What to export. {@code version} null: the current version. */
  public record Request(
      List<TableId> tables,
      String where,
      Long version,
      ExportFormat format,
      String out,
      boolean sheetByPeriod) {}

  /** Where a Parquet snapshot was written and how many rows each table had. */
  public record Result(String out, Map<String, Long> rows) {}

  private Exporter() {}

  /** Runs one export. */
  public static Result export(Lake lake, Request req) throws IOException {
    Map<String, Dataset<Row>> data = new LinkedHashMap<>();
    for (TableId t : req.tables()) {
      data.put(t.tableName(), select(lake, t, req.where(), req.version()));
    }
    ZoneId zone = ZoneId.of(lake.spark().conf().get("spark.sql.session.timeZone"));
    Map<String, Long> counts = new LinkedHashMap<>();
    switch (req.format()) {
      case XLSX -> {
        Path out = localFile(req.out());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out));
            XlsxWriter x = new XlsxWriter(os, zone)) {
          boolean many = data.size() > 1;
          for (Map.Entry<String, Dataset<Row>> e : data.entrySet()) {
            Dataset<Row> df = e.getValue();
            String split = req.sheetByPeriod() ? periodColumn(e.getKey(), df.schema()) : null;
            String name = split == null ? e.getKey() : (many ? e.getKey() : null);
            Dataset<Row> ordered = orderedBy(df, split);
            counts.put(e.getKey(), x.sheet(name, df.schema(), ordered.toLocalIterator(), split));
          }
        }
      }
      case CSV -> {
        Dataset<Row> df = orderedBy(single(data), null);
        Path out = localFile(req.out());
        try (Writer w =
            new OutputStreamWriter(
                new BufferedOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
          w.write('\uFEFF');
          counts.put(
              req.tables().get(0).tableName(), ResultFormat.CSV.write(df, w, new Cells(zone), 0));
        }
      }
      case PARQUET -> {
        Dataset<Row> df = single(data);
        refuseOverwritingSomethingElse(lake, req.out());
        df.write().mode("overwrite").parquet(req.out());
        counts.put(req.tables().get(0).tableName(), lake.spark().read().parquet(req.out()).count());
      }
      default -> throw new IllegalArgumentException("unknown format " + req.format());
    }
    return new Result(req.out(), counts);
  }

  /** The rows of one table to export, in a stable order. */
  static Dataset<Row> select(Lake lake, TableId t, String where, Long version) {
    Dataset<Row> df;
    if (version == null) {
      df = lake.read(t);
    } else {
      df = lake.read(t, version);
    }
    if (where != null && !where.isBlank()) {
      df = df.where(where);
    }
    return df;
  }

  private static Dataset<Row> orderedBy(Dataset<Row> df, String first) {
    List<Column> order = new ArrayList<>();
    if (first != null) {
      order.add(df.col(first));
    }
    for (StructField f : df.schema().fields()) {
      boolean orderable =
          !(f.dataType() instanceof MapType)
              && !(f.dataType() instanceof StructType)
              && !(f.dataType() instanceof ArrayType);
      if (orderable && !f.name().equals(first)) {
        order.add(df.col(f.name()).asc_nulls_last());
      }
    }
    return order.isEmpty() ? df : df.orderBy(order.toArray(Column[]::new));
  }

  /** The column that names a table's period: {@code period}, else {@code year}. */
  static String periodColumn(String table, StructType schema) {
    for (String c : List.of("period", "year")) {
      for (String n : schema.fieldNames()) {
        if (n.equalsIgnoreCase(c)) {
          return n;
        }
      }
    }
    throw new IllegalArgumentException(
        "--sheet-by period: table " + table + " has neither a period nor a year column");
  }

  private static Dataset<Row> single(Map<String, Dataset<Row>> data) {
    if (data.size() != 1) {
      throw new IllegalArgumentException(
          "csv and parquet export one table at a time; xlsx takes several");
    }
    return data.values().iterator().next();
  }

  private static Path localFile(String out) throws IOException {
    Path p = Path.of(out).toAbsolutePath();
    if (Files.isDirectory(p)) {
      throw new IllegalArgumentException("--out " + out + " is a folder; give a file name");
    }
    if (p.getParent() != null) {
      Files.createDirectories(p.getParent());
    }
    return p;
  }

  /**
   * A Parquet export replaces its folder: allowed only when the folder does not exist or holds a
   * previous Parquet export, and never inside the lake.
   */
  private static void refuseOverwritingSomethingElse(Lake lake, String out) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(out);
    FileSystem fs = p.getFileSystem(lake.spark().sessionState().newHadoopConf());
    String target = fs.makeQualified(p).toString();
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(lake.root());
    String lakeRoot =
        root.getFileSystem(lake.spark().sessionState().newHadoopConf())
            .makeQualified(root)
            .toString();
    if ((target + "/").startsWith(lakeRoot + "/") || (lakeRoot + "/").startsWith(target + "/")) {
      throw new IllegalArgumentException("--out " + out + " overlaps the lake " + lake.root());
    }
    if (!fs.exists(p)) {
      return;
    }
    if (!fs.getFileStatus(p).isDirectory()) {
      throw new IllegalArgumentException("--out " + out + " exists and is a file; give a folder");
    }
    FileStatus[] inside = fs.listStatus(p);
    boolean previousExport = false;
    for (FileStatus s : inside) {
      String n = s.getPath().getName();
      previousExport |= n.equals("_SUCCESS");
      if (!n.equals("_SUCCESS")
          && !n.startsWith("part-")
          && !n.startsWith(".")
          && !n.startsWith("_")) {
        throw new IllegalArgumentException(
            "--out "
                + out
                + " holds other files ("
                + n
                + "); give a new or a previous export folder");
      }
    }
    if (inside.length > 0 && !previousExport) {
      throw new IllegalArgumentException(
          "--out " + out + " is not empty and not a previous export");
    }
  }

  /** The format named on the command line. */
  public static ExportFormat format(String name) {
    try {
      return ExportFormat.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown --format " + name + " (xlsx, csv or parquet)");
    }
  }
}
