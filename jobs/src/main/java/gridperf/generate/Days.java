package gridperf.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar of a run: epoch days of the covered years, their ISO and compact texts, the weekly
 * file chunks (Monday to Sunday, cut at 31 December so a year's folder holds only its days) and the
 * months.
 */
final class Days {
  final int first;
  final int last;
  final int firstYear;
  private final String[] iso;
  private final String[] compact;
  private final double[] volume;
  private final double[] peak;
  private final int[] monthIndex;

  Days(GenSpec spec) {
    first = (int) spec.start().toEpochDay();
    last = (int) spec.end().toEpochDay();
    firstYear = spec.firstYear();
    iso = new String[last - first + 1];
    compact = new String[iso.length];
    volume = new double[iso.length];
    peak = new double[iso.length];
    monthIndex = new int[iso.length];
    for (int d = first; d <= last; d++) {
      LocalDate date = LocalDate.ofEpochDay(d);
      String s = date.toString();
      iso[d - first] = s;
      compact[d - first] = s.substring(0, 4) + s.substring(5, 7) + s.substring(8, 10);
      volume[d - first] = SpringFestival.volume(date);
      peak[d - first] = SpringFestival.peak(date);
      monthIndex[d - first] = (date.getYear() - firstYear) * 12 + date.getMonthValue() - 1;
    }
  }

  String iso(int day) {
    return iso[day - first];
  }

  String compact(int day) {
    return compact[day - first];
  }

  /** Month index from the first month of the run (0-based). */
  int monthIndex(int day) {
    return monthIndex[day - first];
  }

  /** Years since the first year of the run. */
  int yearsIn(int day) {
    return monthIndex[day - first] / 12;
  }

  /** Demand multiplier of the day ({@link SpringFestival#volume}). */
  double volume(int day) {
    return volume[day - first];
  }

  /** Pre-festival stocking depth of the day ({@link SpringFestival#peak}). */
  double peak(int day) {
    return peak[day - first];
  }

  /** Monday of the week holding the epoch day (1970-01-01 was a Thursday). */
  static int monday(int day) {
    return day - Math.floorMod(day + 3, 7);
  }

  int months() {
    return monthIndex(last) + 1;
  }

  /** First and last epoch day of month index {@code mi}. */
  int[] month(int mi) {
    LocalDate s = LocalDate.of(firstYear + mi / 12, mi % 12 + 1, 1);
    return new int[] {(int) s.toEpochDay(), (int) s.plusMonths(1).toEpochDay() - 1};
  }

  /** Weekly chunks {first day, last day}: Monday..Sunday, split at year ends. */
  List<int[]> weeks() {
    List<int[]> out = new ArrayList<>();
    int s = first;
    while (s <= last) {
      LocalDate d = LocalDate.ofEpochDay(s);
      int toSunday = DayOfWeek.SUNDAY.getValue() - d.getDayOfWeek().getValue();
      int yearEnd = (int) LocalDate.of(d.getYear(), 12, 31).toEpochDay();
      int e = Math.min(Math.min(s + toSunday, yearEnd), last);
      out.add(new int[] {s, e});
      s = e + 1;
    }
    return out;
  }
}
