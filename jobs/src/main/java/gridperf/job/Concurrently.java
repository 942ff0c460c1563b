package gridperf.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent driver-side steps (each submits its own Spark jobs) on their own threads, so one
 * step's small stages, Delta commits and planning overlap another's work instead of leaving cores
 * idle. Results come back in the order the steps were given; the first failure, in that order, is
 * rethrown as it was (a data test failure keeps its message) once every step has ended.
 */
public final class Concurrently {
  private Concurrently() {}

  /** Runs {@code steps} at once and returns their results in order. */
  public static <T> List<T> run(List<Callable<T>> steps) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            steps.size(),
            r -> {
              Thread t = new Thread(r, "gridperf-step");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> s : steps) {
        futures.add(pool.submit(s));
      }
      List<T> out = new ArrayList<>();
      RuntimeException first = null;
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (first == null) {
            first = unwrap(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a step", e);
        }
      }
      if (first != null) {
        throw first;
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static RuntimeException unwrap(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }
}
