package gridperf.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Steps run at once, results in the order given, the first failure in that order rethrown. */
class ConcurrentlyTest {
  @Test
  void stepsRunAtOnceAndTheirResultsComeBackInTheOrderGiven() {
    CountDownLatch both = new CountDownLatch(2);
    Callable<String> a = () -> meet(both, "a");
    Callable<String> b = () -> meet(both, "b");
    // each step waits for the other: they can only end if they run at the same time
    assertThat(Concurrently.run(List.of(a, b))).containsExactly("a", "b");
  }

  @Test
  void theFirstFailureInOrderIsRethrownAsItWasOnceEveryStepHasEnded() {
    AtomicBoolean slowEnded = new AtomicBoolean();
    Callable<String> slow =
        () -> {
          Thread.sleep(200);
          slowEnded.set(true);
          return "slow";
        };
    Callable<String> first =
        () -> {
          throw new IllegalArgumentException("first");
        };
    Callable<String> second =
        () -> {
          throw new IllegalStateException("second");
        };
    assertThatThrownBy(() -> Concurrently.run(List.of(slow, first, second)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("first");
    assertThat(slowEnded).isTrue();
  }

  private static String meet(CountDownLatch latch, String value) throws InterruptedException {
    latch.countDown();
    if (!latch.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the other step never ran");
    }
    return value;
  }
}
