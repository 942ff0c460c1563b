package gridperf.generate;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to generate: scale factor (1 ≈ one county), the calendar years covered, the seed and the
 * share of fact rows to spoil ({@code dirtyRate}, 0 = contract-clean).
 */
public record GenSpec(double scale, int firstYear, int lastYear, long seed, double dirtyRate) {
  private static final Pattern YEARS = Pattern.compile("\\s*(\\d{4})\\s*(?:-\\s*(\\d{4})\\s*)?");

  public GenSpec {
    if (!(scale > 0) || scale > 100) {
      throw new IllegalArgumentException("--scale must be > 0 and ≤ 100, got " + scale);
    }
    if (firstYear < SpringFestival.FIRST_YEAR || lastYear > SpringFestival.LAST_YEAR) {
      throw new IllegalArgumentException(
          "--years must lie within "
              + SpringFestival.FIRST_YEAR
              + "-"
              + SpringFestival.LAST_YEAR
              + ", got "
              + firstYear
              + "-"
              + lastYear);
    }
    if (lastYear < firstYear) {
      throw new IllegalArgumentException("--years: " + lastYear + " is before " + firstYear);
    }
    if (!(dirtyRate >= 0) || dirtyRate > 0.5) {
      throw new IllegalArgumentException("--dirty-rate must be in [0, 0.5], got " + dirtyRate);
    }
  }

  /** Parses {@code 2011-2015} or {@code 2013} into {first, last}. */
  public static int[] parseYears(String text) {
    Matcher m = YEARS.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("--years must look like 2011-2015, got '" + text + "'");
    }
    int first = Integer.parseInt(m.group(1));
    int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
    return new int[] {first, last};
  }

  public LocalDate start() {
    return LocalDate.of(firstYear, 1, 1);
  }

  public LocalDate end() {
    return LocalDate.of(lastYear, 12, 31);
  }

  public boolean dirty() {
    return dirtyRate > 0;
  }
}
