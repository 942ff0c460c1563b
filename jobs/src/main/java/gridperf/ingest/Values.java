package gridperf.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed field readers with the rules of docs/contract.md, Field rules. Each throws a {@link
 * Reason.Reject} with the rule's code and a detail naming the column and the value.
 */
public final class Values {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  /** Amounts and other decimals must stay below 10^16 in magnitude (decimal(18,2)). */
  public static final BigDecimal DECIMAL_LIMIT = new BigDecimal("1E16");

  public static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);

  /**
   * {@link DateTimeFormatter#ISO_DATE_TIME} with ISO-8601's hours-only offset ({@code +08}) also
   * accepted: {@code +HH}, {@code +HH:MM}, {@code +HH:MM:SS} or {@code Z}, then an optional {@code
   * [zone]}.
   */
  private static final DateTimeFormatter ISO_DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:mm:ss", "Z")
          .optionalStart()
          .appendLiteral('[')
          .parseCaseSensitive()
          .appendZoneRegionId()
          .appendLiteral(']')
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  private Values() {}

  /** Empty (after trimming) or null. */
  public static boolean missing(String v) {
    return v == null || v.isEmpty();
  }

  /** A required field: missing is MISSING_VALUE. */
  public static String required(String column, String v) throws Reason.Reject {
    if (missing(v)) {
      throw Reason.MISSING_VALUE.reject(column + " is missing");
    }
    return v;
  }

  /** An integer: {@code 5.0} reads as 5, {@code 2.5} does not [BAD_NUMBER]. */
  public static long integer(String column, String v) throws Reason.Reject {
    if (!NUMBER.matcher(v).matches()) {
      throw Reason.BAD_NUMBER.reject(column + " is not a number: " + v);
    }
    try {
      return new BigDecimal(v).longValueExact();
    } catch (ArithmeticException e) {
      throw Reason.BAD_NUMBER.reject(column + " is not an integer: " + v);
    }
  }

  /**
   * A decimal with at most 2 places by value ({@code 1000.000} = 1000.00) [BAD_NUMBER]; magnitude
   * at least 10^16 is [OUT_OF_RANGE] (checked by {@link #decimalInRange}).
   */
  public static BigDecimal decimal(String column, String v) throws Reason.Reject {
    if (!NUMBER.matcher(v).matches()) {
      throw Reason.BAD_NUMBER.reject(column + " is not a number: " + v);
    }
    BigDecimal d = new BigDecimal(v);
    if (d.stripTrailingZeros().scale() > 2) {
      throw Reason.BAD_NUMBER.reject(column + " has more than 2 decimal places: " + v);
    }
    return d.setScale(2);
  }

  public static void decimalInRange(String column, BigDecimal d) throws Reason.Reject {
    if (d.abs().compareTo(DECIMAL_LIMIT) >= 0) {
      throw Reason.OUT_OF_RANGE.reject(column + " is 10^16 or more in magnitude: " + d);
    }
  }

  /** A {@code YYYY-MM-DD} date that exists [BAD_DATE]. */
  public static LocalDate date(String column, String v) throws Reason.Reject {
    if (!DATE.matcher(v).matches()) {
      throw Reason.BAD_DATE.reject(column + " is not YYYY-MM-DD: " + v);
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw Reason.BAD_DATE.reject(column + " is not a valid date: " + v);
    }
  }

  /** A {@code YYYY-MM} month that exists [BAD_DATE]. */
  public static java.time.YearMonth month(String column, String v) throws Reason.Reject {
    if (!MONTH.matcher(v).matches()) {
      throw Reason.BAD_DATE.reject(column + " is not YYYY-MM: " + v);
    }
    try {
      return java.time.YearMonth.parse(v);
    } catch (DateTimeParseException e) {
      throw Reason.BAD_DATE.reject(column + " is not a valid month: " + v);
    }
  }

  /** An ISO-8601 date-time; without an offset it is local time of {@code zone} [BAD_DATE]. */
  public static Instant timestamp(String column, String v, ZoneId zone) throws Reason.Reject {
    try {
      TemporalAccessor t = ISO_DATE_TIME.parse(v);
      LocalDateTime local = LocalDateTime.from(t);
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        return local.toInstant(
            java.time.ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)));
      }
      if (t.query(java.time.temporal.TemporalQueries.zoneId()) != null) {
        return local.atZone(t.query(java.time.temporal.TemporalQueries.zoneId())).toInstant();
      }
      return local.atZone(zone).toInstant();
    } catch (java.time.DateTimeException e) {
      throw Reason.BAD_DATE.reject(column + " is not an ISO-8601 date-time: " + v);
    }
  }

  /** A date inside [2000-01-01, asOf] [OUT_OF_RANGE]. */
  public static void dateInRange(String column, LocalDate d, LocalDate asOf) throws Reason.Reject {
    if (d.isBefore(MIN_DATE) || d.isAfter(asOf)) {
      throw Reason.OUT_OF_RANGE.reject(
          column + " " + d + " is outside [" + MIN_DATE + ", " + asOf + "]");
    }
  }

  /**
   * An unmodifiable set that keeps the order given, so messages list allowed values the same way in
   * every run (a {@code Set.of} iterates in an order that changes from one JVM to the next).
   */
  public static Set<String> ordered(String... values) {
    return java.util.Collections.unmodifiableSet(
        new java.util.LinkedHashSet<>(java.util.Arrays.asList(values)));
  }

  public static void oneOf(String column, String v, Set<String> allowed) throws Reason.Reject {
    if (!allowed.contains(v)) {
      throw Reason.OUT_OF_RANGE.reject(column + " is not one of " + allowed + ": " + v);
    }
  }

  public static void between(String column, long v, long lo, long hi) throws Reason.Reject {
    if (v < lo || v > hi) {
      throw Reason.OUT_OF_RANGE.reject(column + " is outside " + lo + ".." + hi + ": " + v);
    }
  }
}
