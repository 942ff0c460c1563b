package gridperf.cli;

/**
 * A run refused before it started because of how it was called: a bad argument value, an unknown or
 * invalid setting, a lake that does not exist. Exit status 2, like picocli's own usage errors.
 */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }

  public UsageError(String message, Throwable cause) {
    super(message, cause);
  }
}
