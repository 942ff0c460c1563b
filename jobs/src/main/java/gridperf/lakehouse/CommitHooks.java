package gridperf.lakehouse;

/**
 * Crash points around every Delta commit, for the reliability tests only: a test installs a hook
 * that throws at a chosen table and stage to simulate a job killed between two commits (Delta has
 * no multi-table transaction, so this is where a real kill leaves the lake). No hook is installed
 * in production, where {@link #fire} is one volatile read.
 */
public final class CommitHooks {
  /** Where, relative to one table's commit, the hook is called. */
  public enum Stage {
    BEFORE_COMMIT,
    AFTER_COMMIT
  }

  /** Called at each stage of each commit; throw to simulate a crash. */
  @FunctionalInterface
  public interface Hook {
    void at(Stage stage, TableId table);
  }

  private static volatile Hook hook;

  private CommitHooks() {}

  /** Installs {@code h} (replacing any other) until {@link #clear()}. */
  public static void install(Hook h) {
    hook = h;
  }

  public static void clear() {
    hook = null;
  }

  static void fire(Stage stage, TableId table) {
    Hook h = hook;
    if (h != null) {
      h.at(stage, table);
    }
  }
}
