package gridperf.job;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The log layout of this JVM: {@code text} (conf/log4j2.properties) or {@code json} (one JSON
 * object a line, ECS fields, for schedulers and log shippers). JSON is on when log4j was started
 * with a JSON configuration ({@code GRIDPERF_LOG_FORMAT=json} in bin/gridperf) or when the
 * settings say {@code log.format = json}; then progress lines and the failure line are log events
 * too, so stderr holds nothing but JSON lines.
 */
public final class LogFormat {
  static final String JSON_CONFIG = "gridperf/log4j2-json.properties";
  private static volatile boolean json = "json".equalsIgnoreCase(System.getenv("GRIDPERF_LOG_FORMAT"));

  private LogFormat() {}

  /** Switches to {@code format} ({@code text} or {@code json}); switching to text is a no-op. */
  public static synchronized void apply(String format) {
    if (!"json".equals(format) || json) {
      return;
    }
    URL config = LogFormat.class.getClassLoader().getResource(JSON_CONFIG);
    if (config == null) {
      throw new IllegalStateException(JSON_CONFIG + " is missing from the classpath");
    }
    try {
      Configurator.reconfigure(config.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    json = true;
  }

  /** True when log lines are JSON objects. */
  public static boolean isJson() {
    return json;
  }

  /** A logger for gridperf's own events. */
  public static Logger logger(String name) {
    return LogManager.getLogger(name);
  }
}
