package gridperf.generate;

import java.time.LocalDate;

/**
 * Chinese New Year (春节) dates and the weekly demand multiplier around them: retailers stock up in
 * the four weeks before the festival (gifting pushes the high price classes), orders collapse in
 * the festival week, and a mild Mid-Autumn / National Day bump follows in September.
 */
public final class SpringFestival {
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2030;

  private static final String[] DATES = {
    "2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22", "2005-02-09",
    "2006-01-29", "2007-02-18", "2008-02-07", "2009-01-26", "2010-02-14", "2011-02-03",
    "2012-01-23", "2013-02-10", "2014-01-31", "2015-02-19", "2016-02-08", "2017-01-28",
    "2018-02-16", "2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22",
    "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
    "2030-02-03", "2031-01-23"
  };

  private SpringFestival() {}

  /** The festival's first day in the given year. */
  public static LocalDate of(int year) {
    return LocalDate.parse(DATES[year - FIRST_YEAR]);
  }

  /**
   * Demand multiplier of a day: {@code peak} carries the gift-season lift (0 outside it), used to
   * tilt the price-class mix upwards.
   */
  public static double volume(LocalDate day) {
    double peak = peak(day);
    if (peak > 0) {
      return 1 + 1.1 * peak;
    }
    long d = daysToFestival(day);
    if (d <= 0 && d > -10) {
      return 0.45; // festival holidays: shops closed or selling stock
    }
    int m = day.getMonthValue();
    double season =
        switch (m) {
          case 3, 4 -> 0.88; // post-festival lull
          case 6, 7, 8 -> 0.96;
          case 9 -> 1.12; // Mid-Autumn gifting
          case 10 -> 1.05;
          case 12 -> 1.04;
          default -> 1.0;
        };
    return season;
  }

  /** 0..1: how deep into the pre-festival stocking season the day is (1 = the last week). */
  public static double peak(LocalDate day) {
    long d = daysToFestival(day);
    if (d > 0 && d <= 28) {
      return 1 - (d - 1) / 28.0 * 0.6;
    }
    return 0;
  }

  /** Days until the festival nearest ahead of or just behind {@code day}. */
  private static long daysToFestival(LocalDate day) {
    int y = day.getYear();
    long best = Long.MAX_VALUE;
    for (int k = Math.max(FIRST_YEAR, y - 1); k <= Math.min(LAST_YEAR + 1, y + 1); k++) {
      long d = of(k).toEpochDay() - day.toEpochDay();
      if (Math.abs(d) < Math.abs(best)) {
        best = d;
      }
    }
    return best;
  }
}
