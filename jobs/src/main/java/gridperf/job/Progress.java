package gridperf.job;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Progress lines for long jobs: {@code [ingest] parse sales 1,234,567 rows 12.3 s}. On an
 * interactive terminal a step updates in place; in logs each update is a plain line, at most one
 * every few seconds, so a scheduler's log stays readable; with JSON logs ({@link LogFormat}) each
 * line is a log event of logger {@code gridperf.progress.<job>}.
 */
public final class Progress {
  private static final long LOG_INTERVAL_MS = 5_000;
  private final String job;
  private final PrintStream out;
  private final boolean interactive;
  private final Instant start = Instant.now();
  private long lastLine;
  private boolean quiet;
  private boolean json;

  public Progress(String job, PrintStream out, boolean interactive) {
    this.job = job;
    this.out = out;
    this.interactive = interactive;
  }

  /** Progress to stderr; in place when stderr is a terminal. */
  public static Progress console(String job) {
    if (LogFormat.isJson()) {
      Progress p = new Progress(job, System.err, false);
      p.json = true;
      return p;
    }
    return new Progress(job, System.err, System.console() != null);
  }

  /** A progress that prints nothing (tests, notebooks). */
  public static Progress silent(String job) {
    Progress p = new Progress(job, System.err, false);
    p.quiet = true;
    return p;
  }

  /** A step has started or finished; always printed. */
  public void step(String stage) {
    line(stage, -1, true);
  }

  /** A count inside a step; printed in place on a terminal, throttled in logs. */
  public void rows(String stage, long rows) {
    line(stage, rows, false);
  }

  private synchronized void line(String stage, long rows, boolean force) {
    if (quiet) {
      return;
    }
    long now = System.currentTimeMillis();
    if (!force && !interactive && now - lastLine < LOG_INTERVAL_MS) {
      return;
    }
    lastLine = now;
    double secs = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    String text =
        rows < 0
            ? String.format(Locale.ROOT, "[%s] %-40s %8.1f s", job, stage, secs)
            : String.format(Locale.ROOT, "[%s] %-40s %,14d rows %8.1f s", job, stage, rows, secs);
    if (json) {
      LogFormat.logger("gridperf.progress." + job).info(text.strip());
    } else if (interactive && !force) {
      out.print("\r" + text);
    } else {
      out.println((interactive ? "\r" : "") + text);
    }
    out.flush();
  }
}
