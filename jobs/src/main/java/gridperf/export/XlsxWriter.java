package gridperf.export;

import gridperf.query.Cells;
import gridperf.query.DisplayWidth;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Streams rows into an xlsx workbook, one sheet per call of {@link #sheet} (or per value of a split
 * column): a bold frozen header row with a filter, typed cells by {@link ColumnKind} (codes as
 * text, numbers as numbers, ratios as percent, dates as dates), and column widths fitted to the
 * first rows. Memory stays flat: rows are flushed to the file as they come.
 */
public final class XlsxWriter implements AutoCloseable {
  private static final int SAMPLE_ROWS = 1000;
  private static final int FLUSH_EVERY = 10_000;
  private static final int MAX_WIDTH = 60;
  private final Workbook workbook;
  private final Cells cells;
  private final ZoneId zone;
  private final Set<String> sheetNames = new HashSet<>();

  public XlsxWriter(OutputStream out, ZoneId zone) {
    this.workbook = new Workbook(out, "gridperf", "1.0");
    this.zone = zone;
    this.cells = new Cells(zone);
  }

  /**
   * Writes rows into a sheet named {@code name}; when {@code splitColumn} is given, one sheet per
   * value of that column, named after the value, prefixed by {@code name} unless it is null (rows
   * must come ordered by it). A sheet that would pass Excel's row limit continues on a sheet named
   * "... (2)". Returns the rows written.
   */
  public long sheet(String name, StructType schema, Iterator<Row> rows, String splitColumn)
      throws IOException {
    Peeking in = new Peeking(rows);
    if (splitColumn == null || !in.hasNext()) {
      return writeSheet(sheetName(name == null ? "sheet" : name), schema, in);
    }
    int split = schema.fieldIndex(splitColumn);
    long total = 0;
    while (in.hasNext()) {
      Object key = in.peek().get(split);
      Iterator<Row> group =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return in.hasNext() && Objects.equals(in.peek().get(split), key);
            }

            @Override
            public Row next() {
              return in.next();
            }
          };
      String value = key == null ? "(none)" : String.valueOf(key);
      total += writeSheet(sheetName(name == null ? value : name + " " + value), schema, group);
    }
    return total;
  }

  private long writeSheet(String sheetName, StructType schema, Iterator<Row> rows)
      throws IOException {
    StructField[] fields = schema.fields();
    ColumnKind[] kinds = new ColumnKind[fields.length];
    String[] formats = new String[fields.length];
    for (int c = 0; c < fields.length; c++) {
      kinds[c] = ColumnKind.of(fields[c]);
      formats[c] = kinds[c].format(fields[c].dataType());
    }
    List<Row> first = new ArrayList<>();
    while (first.size() < SAMPLE_ROWS && rows.hasNext()) {
      first.add(rows.next());
    }
    Worksheet ws = workbook.newWorksheet(sheetName);
    for (int c = 0; c < fields.length; c++) {
      int w = DisplayWidth.of(fields[c].name()) + 3;
      for (Row r : first) {
        String t = cells.text(r.get(c), fields[c].dataType());
        int cw = t == null ? 0 : DisplayWidth.of(t) + (kinds[c] == ColumnKind.DECIMAL ? 4 : 2);
        w = Math.max(w, kinds[c] == ColumnKind.PERCENT ? 8 : cw);
      }
      ws.width(c, Math.min(MAX_WIDTH, Math.max(8, w)));
      ws.value(0, c, fields[c].name());
    }
    ws.range(0, 0, 0, fields.length - 1).style().bold().fillColor("DDEBF7").set();
    ws.freezePane(0, 1);
    ws.setAutoFilter(0, 0, Math.max(0, fields.length - 1));
    Peeking all = new Peeking(first.iterator(), rows);
    int row = 1;
    long n = 0;
    while (all.hasNext()) {
      if (row >= Worksheet.MAX_ROWS) {
        ws.finish();
        return n + writeSheet(sheetName(sheetName), schema, all);
      }
      Row r = all.next();
      for (int c = 0; c < fields.length; c++) {
        cell(ws, row, c, r.get(c), fields[c], kinds[c], formats[c]);
      }
      row++;
      n++;
      if (n % FLUSH_EVERY == 0) {
        ws.flush();
      }
    }
    ws.finish();
    return n;
  }

  private void cell(
      Worksheet ws, int r, int c, Object v, StructField f, ColumnKind kind, String fmt) {
    if (v == null) {
      return;
    }
    switch (kind) {
      case INTEGER, DECIMAL, NUMBER, PERCENT -> {
        Number num = v instanceof scala.math.BigDecimal sbd ? sbd.bigDecimal() : (Number) v;
        if (num instanceof Double d && (d.isNaN() || d.isInfinite())
            || num instanceof Float x && (x.isNaN() || x.isInfinite())) {
          ws.value(r, c, num.toString());
          return;
        }
        ws.value(r, c, num);
      }
      case DATE -> ws.value(r, c, v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v);
      case TIMESTAMP -> ws.value(r, c, localTime(v));
      case BOOLEAN -> ws.value(r, c, (Boolean) v);
      default -> ws.value(r, c, cells.text(v, f.dataType()));
    }
    if (!"General".equals(fmt)) {
      ws.style(r, c).format(fmt).set();
    }
  }

  private LocalDateTime localTime(Object v) {
    if (v instanceof java.sql.Timestamp ts) {
      return LocalDateTime.ofInstant(ts.toInstant(), zone);
    }
    if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, zone);
    }
    return (LocalDateTime) v;
  }

  /** An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the workbook. */
  private String sheetName(String raw) {
    String clean = raw.replaceAll("[\\[\\]:*?/\\\\]", "_");
    if (clean.isBlank()) {
      clean = "sheet";
    }
    clean = clean.length() > 31 ? clean.substring(0, 31) : clean;
    String name = clean;
    for (int i = 2; !sheetNames.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
      String suffix = " (" + i + ")";
      name = clean.substring(0, Math.min(clean.length(), 31 - suffix.length())) + suffix;
    }
    return name;
  }

  @Override
  public void close() throws IOException {
    workbook.finish();
  }

  /** Iterators one after the other, with a look at the next row. */
  private static final class Peeking implements Iterator<Row> {
    private final Iterator<Row>[] sources;
    private int at;
    private Row next;

    @SafeVarargs
    Peeking(Iterator<Row>... sources) {
      this.sources = sources;
    }

    Row peek() {
      return hasNext() ? next : null;
    }

    @Override
    public boolean hasNext() {
      while (next == null && at < sources.length) {
        if (sources[at].hasNext()) {
          next = sources[at].next();
        } else {
          at++;
        }
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }
  }
}
