package gridperf.score;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.gold.PeriodRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a scorecard printout names a year: whole years plain, a year the period range does not cover
 * whole marked provisional with where its data stops or starts.
 */
class DataCoverageTest {
  /** Data from 2014-03-03 to 2016-01-10: 2014 lacks January and February, 2016 has January only. */
  static final DataCoverage COVERAGE =
      new DataCoverage(
          new PeriodRange(YearMonth.of(2014, 3), YearMonth.of(2016, 1)),
          LocalDate.of(2014, 3, 3),
          LocalDate.of(2016, 1, 10));

  @Test
  void aYearWithoutAllTwelveMonthsIsProvisional() {
    assertThat(COVERAGE.monthsIn(2013)).isZero();
    assertThat(COVERAGE.monthsIn(2014)).isEqualTo(10);
    assertThat(COVERAGE.monthsIn(2015)).isEqualTo(12);
    assertThat(COVERAGE.monthsIn(2016)).isEqualTo(1);
    assertThat(COVERAGE.provisional(2014)).isTrue();
    assertThat(COVERAGE.provisional(2015)).isFalse();
    assertThat(COVERAGE.provisional(2016)).isTrue();
  }

  @Test
  void labelsSayWhereTheDataOfAProvisionalYearStopsOrStarts() {
    assertThat(COVERAGE.yearLabel(2015)).isEqualTo("2015");
    assertThat(COVERAGE.yearLabel(2016)).isEqualTo("2016 (provisional, data through 2016-01-10)");
    assertThat(COVERAGE.yearLabel(2014)).isEqualTo("2014 (provisional, data from 2014-03-03)");
    DataCoverage oneSummer =
        new DataCoverage(
            new PeriodRange(YearMonth.of(2015, 6), YearMonth.of(2015, 8)),
            LocalDate.of(2015, 6, 2),
            LocalDate.of(2015, 8, 28));
    assertThat(oneSummer.yearLabel(2015))
        .isEqualTo("2015 (provisional, data from 2015-06-02 through 2015-08-28)");
    assertThat(DataCoverage.yearLabel(Optional.empty(), 2015)).isEqualTo("2015");
  }

  @Test
  void theLineNamesTheLastDayWithDataAndThePeriodRange() {
    assertThat(COVERAGE.line())
        .isEqualTo("data through 2016-01-10 (period range 2014-03 to 2016-01)");
    assertThat(COVERAGE.sentence())
        .isEqualTo("Data through 2016-01-10 (period range 2014-03 to 2016-01)");
  }
}
