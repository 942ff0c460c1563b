package gridperf.query;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StructField;

/**
 * How {@code gridperf sql} prints a result: an aligned {@code table} for people, {@code csv} (RFC
 * 4180, header row, NULL as an empty field) or {@code json} (one object per line, NULL as null) for
 * scripts. Values are rendered by {@link Cells}: plain-notation numbers, codes as text.
 */
public enum ResultFormat {
  TABLE,
  CSV,
  JSON;

  /** Writes {@code result} to {@code out}; at most {@code maxRows} rows when positive. */
  public long write(Dataset<Row> result, Writer out, Cells cells, long maxRows) throws IOException {
    StructField[] fields = result.schema().fields();
    Dataset<Row> rows =
        maxRows > 0 ? result.limit((int) Math.min(maxRows, Integer.MAX_VALUE)) : result;
    return switch (this) {
      case TABLE -> table(fields, rows.collectAsList(), out, cells);
      case CSV -> csv(fields, rows.toLocalIterator(), out, cells);
      case JSON -> json(fields, rows.toLocalIterator(), out, cells);
    };
  }

  private static long csv(StructField[] fields, Iterator<Row> rows, Writer out, Cells cells)
      throws IOException {
    List<String> header = new ArrayList<>();
    for (StructField f : fields) {
      header.add(f.name());
    }
    csvLine(header, out);
    long n = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      List<String> line = new ArrayList<>(fields.length);
      for (int i = 0; i < fields.length; i++) {
        line.add(cells.text(r.get(i), fields[i].dataType()));
      }
      csvLine(line, out);
      n++;
    }
    out.flush();
    return n;
  }

  /** One RFC 4180 record: a field is quoted when it holds a comma, quote, CR or LF. */
  static void csvLine(List<String> values, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = values.get(i);
      if (v == null) {
        continue;
      }
      if (v.indexOf(',') >= 0
          || v.indexOf('"') >= 0
          || v.indexOf('\n') >= 0
          || v.indexOf('\r') >= 0) {
        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(v);
      }
    }
    sb.append("\r\n");
    out.write(sb.toString());
  }

  private static long json(StructField[] fields, Iterator<Row> rows, Writer out, Cells cells)
      throws IOException {
    long n = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        Cells.quote(sb, fields[i].name());
        sb.append(':');
        cells.json(sb, r.get(i), fields[i].dataType());
      }
      sb.append("}\n");
      out.write(sb.toString());
      n++;
    }
    out.flush();
    return n;
  }

  private static long table(StructField[] fields, List<Row> rows, Writer out, Cells cells)
      throws IOException {
    int cols = fields.length;
    int[] width = new int[cols];
    boolean[] right = new boolean[cols];
    List<String[]> text = new ArrayList<>(rows.size());
    for (int i = 0; i < cols; i++) {
      width[i] = DisplayWidth.of(fields[i].name());
      right[i] = Cells.numeric(fields[i].dataType());
    }
    for (Row r : rows) {
      String[] line = new String[cols];
      for (int i = 0; i < cols; i++) {
        String v = cells.text(r.get(i), fields[i].dataType());
        line[i] = v == null ? "NULL" : printable(grouped(v, fields[i].dataType()));
        width[i] = Math.max(width[i], DisplayWidth.of(line[i]));
      }
      text.add(line);
    }
    String[] header = new String[cols];
    String[] rule = new String[cols];
    for (int i = 0; i < cols; i++) {
      header[i] = fields[i].name();
      rule[i] = "-".repeat(width[i]);
    }
    tableLine(header, width, new boolean[cols], out);
    tableLine(rule, width, new boolean[cols], out);
    for (String[] line : text) {
      tableLine(line, width, right, out);
    }
    out.write("(" + rows.size() + (rows.size() == 1 ? " row)\n" : " rows)\n"));
    out.flush();
    return rows.size();
  }

  private static void tableLine(String[] cells, int[] width, boolean[] right, Writer out)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(" | ");
      }
      boolean last = i == cells.length - 1;
      sb.append(last && !right[i] ? cells[i] : DisplayWidth.pad(cells[i], width[i], right[i]));
    }
    sb.append('\n');
    out.write(sb.toString());
  }

  /**
   * A bigint or decimal as people read it in the table format, {@code 1,130,286} or {@code
   * 15,000.00}, like the jobs' summaries; int columns (years, months, ranks) and the csv and json
   * formats keep plain digits.
   */
  static String grouped(String plain, DataType type) {
    if (!(type instanceof LongType || type instanceof DecimalType)
        || !PLAIN_NUMBER.matcher(plain).matches()) {
      return plain;
    }
    int start = plain.startsWith("-") ? 1 : 0;
    int dot = plain.indexOf('.');
    int end = dot < 0 ? plain.length() : dot;
    StringBuilder sb = new StringBuilder(plain.substring(0, start));
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(plain.charAt(i));
    }
    return sb.append(plain, end, plain.length()).toString();
  }

  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

  /** Control characters would break the alignment: shown as visible escapes. */
  private static String printable(String v) {
    StringBuilder sb = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c < 0x20 ? ' ' : c);
      }
    }
    return sb.toString();
  }
}
