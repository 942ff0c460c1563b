package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import org.junit.jupiter.api.Test;

/**
 * A lake whose data ends a few days into a year (the first delivery of {@link TinyLanding}: sales
 * and touchpoints from 2014-01-06 to 2015-01-07): score and statement say how far the data goes and
 * mark 2015 provisional, and not 2014, which the data covers whole.
 */
class PartialYearTest extends ReliabilityBase {
  @Test
  void theYearTheDataEndsInIsProvisionalAndTheWholeYearBeforeIsNot() {
    Lake lake = copy(SharedLakes.base());

    UpdateTest.Out score = UpdateTest.out(lakeArgs(lake, "score"));
    assertThat(score.status()).as(score.err()).isZero();
    assertThat(score.out())
        .contains("data through 2015-01-07 (period range 2014-01 to 2015-01)\n")
        .containsPattern(
            "(?m)^2014: 3 managers  A \\d B \\d C \\d D \\d  bonus total [\\d,]+\\.00 yuan$")
        .containsPattern("(?m)^2015 \\(provisional, data through 2015-01-07\\): \\d managers ");

    UpdateTest.Out whole = UpdateTest.out(statement(lake, "2014"));
    assertThat(whole.status()).as(whole.err()).isZero();
    assertThat(whole.out())
        .contains("Statement of M1 Wang, 2014\n")
        .contains("Data through 2015-01-07 (period range 2014-01 to 2015-01)\n")
        .doesNotContainIgnoringCase("provisional");

    UpdateTest.Out partial = UpdateTest.out(statement(lake, "2015"));
    assertThat(partial.status()).as(partial.err()).isZero();
    assertThat(partial.out())
        .contains("Statement of M1 Wang, 2015 (provisional, data through 2015-01-07)\n")
        .contains("Data through 2015-01-07 (period range 2014-01 to 2015-01)\n")
        .contains("Provisional: the period range holds 1 of the 12 months of 2015;");
  }

  private static String[] statement(Lake lake, String year) {
    return lakeArgs(lake, "statement", "--manager", "M1", "--year", year);
  }
}
