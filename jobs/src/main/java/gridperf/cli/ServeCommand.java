package gridperf.cli;

import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.TableId;
import gridperf.serve.ConnectServer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridperf serve [--port 15002] [--host 127.0.0.1]}: serves the lake's tables over Spark
 * Connect until stopped (Ctrl-C). Read-only by intent, so no {@code pipeline_runs} row.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the lake's tables to remote Spark Connect clients (sc://HOST:PORT) until stopped.",
      "Binds 127.0.0.1 by default: reach it from another machine through an SSH tunnel."
    })
public final class ServeCommand extends LakeCommand {
  @Option(names = "--port", paramLabel = "PORT", description = "gRPC port (default 15002).")
  int port = 15002;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description =
          "Address to bind (default 127.0.0.1; 0.0.0.0 exposes it without authentication).")
  String host = "127.0.0.1";

  @Override
  protected String jobName() {
    return "serve";
  }

  @Override
  protected boolean audited() {
    return false;
  }

  @Override
  protected JobOutcome execute(JobContext ctx) throws Exception {
    ConnectServer server = ConnectServer.start(ctx.lake(), host, port);
    List<String> names = server.tables().stream().map(TableId::tableName).toList();
    System.err.println(
        "gridperf serve: "
            + names.size()
            + " tables of lake "
            + ctx.lake().root()
            + " at "
            + server.url()
            + " ("
            + String.join(", ", names)
            + "); Ctrl-C stops");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return new JobOutcome(0, 0, 0, List.of(), null);
  }
}
