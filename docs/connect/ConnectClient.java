import org.apache.spark.sql.connect.SparkSession;

/**
 * A Spark Connect client of {@code gridperf serve}: prints the scorecard of the lake the server
 * serves. Run as a single-file program (docs/analysts.md, "From another machine"):
 * {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$(cat docs/connect/connect-classpath.txt)"
 * docs/connect/ConnectClient.java sc://127.0.0.1:15002}.
 */
public class ConnectClient {
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "sc://127.0.0.1:15002";
    SparkSession spark = SparkSession.builder().remote(url).create();
    try {
      spark
          .sql("SELECT year, manager_code, composite, tier FROM manager_scorecard ORDER BY year, manager_code")
          .show();
    } finally {
      spark.close();
    }
  }
}
