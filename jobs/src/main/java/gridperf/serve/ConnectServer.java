package gridperf.serve;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.connect.service.SparkConnectService;
import scala.Option;

/**
 * A Spark Connect server over the lake, for analysts on other machines: the lake's tables are
 * registered in the session catalog (shared by every Connect client session, see {@link
 * gridperf.lakehouse.LakeCatalog}), then the gRPC service listens on {@code host:port}. Clients
 * connect with {@code sc://host:port} from {@code spark-connect-client-jvm} or PySpark's Connect
 * client. There is no authentication: bind to 127.0.0.1 (the default) and reach it through SSH
 * tunnels.
 */
public final class ConnectServer implements AutoCloseable {
  private final List<TableId> tables;
  private final String host;
  private final int port;

  private ConnectServer(List<TableId> tables, String host, int port) {
    this.tables = tables;
    this.host = host;
    this.port = port;
  }

  /** Registers the tables of {@code lake} and starts serving them on {@code host:port}. */
  public static ConnectServer start(Lake lake, String host, int port) {
    List<TableId> tables = lake.registerViews();
    SparkContext sc = lake.spark().sparkContext();
    // read by SparkConnectService.start from the context's own (mutable) conf
    sc.conf().set("spark.connect.grpc.binding.address", host);
    sc.conf().set("spark.connect.grpc.binding.port", String.valueOf(port));
    sc.conf().set("spark.connect.grpc.port.maxRetries", "0");
    SparkConnectService.start(sc);
    return new ConnectServer(tables, host, port);
  }

  public List<TableId> tables() {
    return tables;
  }

  /** The URL clients use, e.g. {@code sc://127.0.0.1:15002}. */
  public String url() {
    return "sc://" + host + ":" + port;
  }

  @Override
  public void close() {
    SparkConnectService.stop(Option.empty(), Option.empty());
  }
}
