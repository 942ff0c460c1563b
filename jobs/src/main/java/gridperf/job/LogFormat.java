package gridperf.job;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The log layout of this JVM: {@code text} (conf/log4j2.properties) or {@code json} (one JSON
 * object a line, ECS fields, for schedulers and log shippers). JSON is on when log4j was started
 * with a JSON layout ({@code GRIDPERF_LOG_FORMAT=json} in bin/gridperf, or {@code
 * -Dlog4j2.configurationFile=gridperf/log4j2-json.properties}) or when the settings say {@code
 * log.format = json}; then progress lines and the failure line are log events too, so stderr holds
 * nothing but JSON lines.
 */
public final class LogFormat {
  static final String JSON_CONFIG = "gridperf/log4j2-json.properties";
  private static volatile Boolean json;

  private LogFormat() {}

  /** Switches to {@code format} ({@code text} or {@code json}); switching to text is a no-op. */
  public static synchronized void apply(String format) {
    if (!"json".equals(format) || isJson()) {
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

  /** True when log lines are JSON objects (whichever way log4j was configured). */
  public static boolean isJson() {
    Boolean j = json;
    if (j == null) {
      j = jsonLayoutConfigured();
      json = j;
    }
    return j;
  }

  private static boolean jsonLayoutConfigured() {
    if (!(LogManager.getContext(false) instanceof LoggerContext ctx)) {
      return false;
    }
    return ctx.getConfiguration().getAppenders().values().stream()
        .anyMatch(
            a ->
                a.getLayout() != null
                    && a.getLayout().getClass().getSimpleName().startsWith("Json"));
  }

  /** A logger for gridperf's own events. */
  public static Logger logger(String name) {
    return LogManager.getLogger(name);
  }
}
