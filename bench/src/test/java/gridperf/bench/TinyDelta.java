package gridperf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes small Delta tables by hand for tests (no Spark): the data files with DuckDB, the log as
 * the protocol's JSON actions. {@link #overwrite} removes the earlier files in a new version but
 * leaves them in the folder, as Delta does until VACUUM.
 */
final class TinyDelta {
  private TinyDelta() {}

  /** Version 0 of a table holding the rows of {@code select}. */
  static void create(Duck duck, Path table, String select) throws Exception {
    commit(duck, table, select, 0, List.of());
  }

  /** Version {@code version}: removes {@code removed} (file names) and adds a file of select. */
  static void commit(Duck duck, Path table, String select, int version, List<String> removed)
      throws Exception {
    Path log = table.resolve("_delta_log");
    Files.createDirectories(log);
    String name = String.format(Locale.ROOT, "part-%05d.parquet", version);
    Path file = table.resolve(name);
    duck.exec(
        "COPY (" + select + ") TO " + ReferenceSql.quote(file.toString()) + " (FORMAT parquet)");
    List<String> actions = new ArrayList<>();
    long now = System.currentTimeMillis();
    if (version == 0) {
      actions.add("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}");
      actions.add(
          "{\"metaData\":{\"id\":\""
              + java.util.UUID.randomUUID()
              + "\",\"format\":{\"provider\":"
              + "\"parquet\",\"options\":{}},\"schemaString\":"
              + jsonString(schema(duck, select))
              + ",\"partitionColumns\":[],\"configuration\":{},\"createdTime\":"
              + now
              + "}}");
    }
    for (String r : removed) {
      actions.add(
          "{\"remove\":{\"path\":\""
              + r
              + "\",\"deletionTimestamp\":"
              + now
              + ",\"dataChange\":true}}");
    }
    actions.add(
        "{\"add\":{\"path\":\""
            + name
            + "\",\"partitionValues\":{},\"size\":"
            + Files.size(file)
            + ",\"modificationTime\":"
            + now
            + ",\"dataChange\":true}}");
    actions.add("{\"commitInfo\":{\"timestamp\":" + now + ",\"operation\":\"WRITE\"}}");
    Files.writeString(
        log.resolve(String.format(Locale.ROOT, "%020d.json", version)),
        String.join("\n", actions) + "\n");
  }

  /** Delta's schema JSON for the columns of a query, from DuckDB's types. */
  private static String schema(Duck duck, String select) throws Exception {
    StringBuilder b = new StringBuilder("{\"type\":\"struct\",\"fields\":[");
    List<Object[]> cols =
        duck.rows("SELECT column_name, column_type FROM (DESCRIBE " + select + ")");
    for (int i = 0; i < cols.size(); i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(cols.get(i)[0])
          .append("\",\"type\":\"")
          .append(deltaType(String.valueOf(cols.get(i)[1])))
          .append("\",\"nullable\":true,\"metadata\":{}}");
    }
    return b.append("]}").toString();
  }

  private static String deltaType(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL")) {
      return t.toLowerCase(Locale.ROOT);
    }
    return switch (t) {
      case "VARCHAR" -> "string";
      case "BIGINT", "HUGEINT" -> "long";
      case "INTEGER" -> "integer";
      case "DOUBLE" -> "double";
      case "DATE" -> "date";
      case "BOOLEAN" -> "boolean";
      case "TIMESTAMP WITH TIME ZONE" -> "timestamp";
      default -> throw new IllegalArgumentException("no Delta type for " + duckType);
    };
  }

  private static String jsonString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
