package gridperf.serve;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.analyst.SmallLake;
import gridperf.lakehouse.Lake;
import gridperf.testing.SparkTestBase;
import java.net.ServerSocket;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The remote path on loopback: a real Spark Connect client queries the served lake by bare name.
 */
class ConnectServerTest extends SparkTestBase {
  @Test
  void aConnectClientQueriesTablesByBareNameWithTimeTravel() throws Exception {
    Lake lake = SmallLake.write(spark(), newDir("serve-lake").toString());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (ConnectServer server = ConnectServer.start(lake, "127.0.0.1", port)) {
      assertThat(server.url()).isEqualTo("sc://127.0.0.1:" + port);
      org.apache.spark.sql.connect.SparkSession client =
          org.apache.spark.sql.connect.SparkSession.builder().remote(server.url()).create();
      try {
        List<Row> rows =
            client
                .sql("SELECT retailer_code, retailer_name FROM dim_retailer ORDER BY retailer_code")
                .collectAsList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getString(0)).isEqualTo("000000000001");
        assertThat(rows.get(1).getString(1)).isEqualTo("红旗便利店");
        assertThat(
                client.sql("SELECT count(*) FROM perf_manager VERSION AS OF 0").first().getLong(0))
            .isEqualTo(2L);
        assertThat(client.sql("SELECT count(*) FROM perf_manager").first().getLong(0))
            .isEqualTo(4L);
      } finally {
        client.close();
      }
    }
  }
}
