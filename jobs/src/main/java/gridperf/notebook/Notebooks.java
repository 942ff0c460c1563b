package gridperf.notebook;

import gridperf.config.ConfigLoader;
import gridperf.config.GridperfConfig;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.SparkSessions;
import gridperf.lakehouse.TableId;
import gridperf.query.Cells;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What the first cell of a Java notebook needs: {@code var spark =
 * Notebooks.session(Notebooks.lakeDir());} gives a Spark session with the project's settings and
 * every lake table registered by its bare name. It sets the java.util.logging root to INFO (the
 * kernel's FINEST breaks Spark's code generation), sends Spark's logs to a file instead of the cell
 * output, and runs headless. {@link #table} renders a result as HTML, {@link #image} a chart as a
 * PNG image for {@code display(...)}.
 */
public final class Notebooks {
  private Notebooks() {}

  /**
   * The lake: {@code $GRIDPERF_LAKE}, else {@code ../lake} (the project's lake from
   * notebooks-java/).
   */
  public static String lakeDir() {
    String env = System.getenv("GRIDPERF_LAKE");
    return env != null && !env.isBlank() ? env : "../lake";
  }

  /** A session on {@code lakeDir} with the tables registered; {@code sets} are --set overrides. */
  public static SparkSession session(String lakeDir, String... sets) {
    System.setProperty("java.awt.headless", "true");
    Logger root = Logger.getLogger("");
    root.setLevel(Level.INFO);
    for (Handler h : root.getHandlers()) {
      h.setLevel(Level.INFO);
    }
    logToFile();
    List<String> overrides =
        new ArrayList<>(List.of("spark.master=local[2]", "spark.shuffle_partitions=4"));
    overrides.addAll(List.of(sets));
    GridperfConfig cfg = ConfigLoader.load(null, overrides).withLakeRoot(lakeDir);
    SparkSession spark = SparkSessions.create(cfg);
    List<TableId> tables = new Lake(spark, cfg.lake().root()).registerViews();
    System.out.println(
        "lake "
            + lakeDir
            + ": "
            + tables.size()
            + " tables ("
            + String.join(", ", tables.stream().map(TableId::tableName).toList())
            + ")");
    return spark;
  }

  private static void logToFile() {
    String log = System.getProperty("gridperf.notebook.log");
    if (log == null) {
      log = Path.of(System.getProperty("java.io.tmpdir"), "gridperf-notebook.log").toString();
      System.setProperty("gridperf.notebook.log", log);
    }
    try {
      java.net.URI conf = Notebooks.class.getResource("log4j2-notebook.properties").toURI();
      System.setProperty("log4j2.configurationFile", conf.toString());
      // log4j-core is Spark's runtime dependency, not a compile one: reconfigure it by name in
      // case something already started it with the console configuration
      Class.forName("org.apache.logging.log4j.core.config.Configurator")
          .getMethod("reconfigure", java.net.URI.class)
          .invoke(null, conf);
    } catch (URISyntaxException | ReflectiveOperationException e) {
      throw new IllegalStateException("cannot send Spark's logs to " + log + ": " + e, e);
    }
  }

  /**
   * The first {@code max} rows of {@code df} as an HTML table (numbers right-aligned, NULL shown).
   */
  public static String table(Dataset<Row> df, int max) {
    Cells cells = new Cells(ZoneId.of(df.sparkSession().conf().get("spark.sql.session.timeZone")));
    StructField[] fields = df.schema().fields();
    StringBuilder h = new StringBuilder("<table><thead><tr>");
    for (StructField f : fields) {
      h.append("<th>").append(escape(f.name())).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (Row r : df.limit(max).collectAsList()) {
      h.append("<tr>");
      for (int i = 0; i < fields.length; i++) {
        String v = cells.text(r.get(i), fields[i].dataType());
        boolean num = Cells.numeric(fields[i].dataType());
        h.append(num ? "<td style=\"text-align:right\">" : "<td>")
            .append(v == null ? "<i>NULL</i>" : escape(v))
            .append("</td>");
      }
      h.append("</tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  /** A chart as an image, for {@code display(Notebooks.image(chart))}. */
  public static BufferedImage image(Chart<?, ?> chart) {
    return BitmapEncoder.getBufferedImage(chart);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
