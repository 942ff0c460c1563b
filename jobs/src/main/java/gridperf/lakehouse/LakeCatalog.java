package gridperf.lakehouse;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import scala.Option;

/**
 * Registers the lake's tables in the session catalog under their bare names, as external Delta
 * tables ({@code CREATE TABLE name USING delta LOCATION '<lake>/<layer>/<name>'}), so queries see
 * each table's latest snapshot, time travel works ({@code SELECT * FROM perf_manager VERSION AS OF
 * 3}) and so does {@code DESCRIBE HISTORY perf_manager}. Dropping such a table later only forgets
 * the name: the data stays in the lake.
 *
 * <p>A temporary view would shadow the table, so a temporary view of the same name is dropped; a
 * table registered from another lake earlier in the same session is re-pointed; a name whose table
 * does not exist in this lake is forgotten, so no query silently reads another lake.
 */
public final class LakeCatalog {
  private LakeCatalog() {}

  /** Registers every existing table of {@code lake}; returns the ones registered. */
  public static List<TableId> register(Lake lake) {
    try {
      return registerAll(lake);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // Scala's catalog declares checked exceptions (no such namespace/table)
      throw new IllegalStateException(
          "cannot register the tables of lake " + lake.root() + ": " + e.getMessage(), e);
    }
  }

  private static List<TableId> registerAll(Lake lake) throws Exception {
    SparkSession spark = lake.spark();
    SessionCatalog catalog = spark.sessionState().catalog();
    String db = catalog.getCurrentDatabase();
    List<TableId> registered = new ArrayList<>();
    for (TableId t : TableId.values()) {
      String name = t.tableName();
      TableIdentifier id = new TableIdentifier(name, Option.apply(db));
      if (catalog.getTempView(name).isDefined()) {
        catalog.dropTempView(name);
      }
      boolean exists = lake.exists(t);
      String location = exists ? qualified(spark, lake.path(t)) : null;
      if (catalog.tableExists(id)) {
        CatalogTable current = catalog.getTableMetadata(id);
        boolean samePlace =
            exists
                && current.tableType().name().equals("EXTERNAL")
                && current.location() != null
                && sameLocation(current.location().toString(), location);
        if (samePlace) {
          registered.add(t);
          continue;
        }
        if (!current.tableType().name().equals("EXTERNAL")) {
          throw new IllegalStateException(
              "catalog table "
                  + name
                  + " is a managed table, not the lake's; drop it before registering lake "
                  + lake.root());
        }
        spark.sql("DROP TABLE " + quoteIdent(name));
      }
      if (exists) {
        spark.sql(
            "CREATE TABLE IF NOT EXISTS "
                + quoteIdent(name)
                + " USING delta LOCATION "
                + quoteString(location));
        registered.add(t);
      }
    }
    return registered;
  }

  private static String qualified(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sessionState().newHadoopConf()).makeQualified(p).toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "cannot resolve lake path " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean sameLocation(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String s) {
    String r = s.replaceFirst("^file:///", "file:/");
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }

  static String quoteIdent(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  static String quoteString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
