package gridperf.gold;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Hand-written silver rows for gold tests (schemas of gridperf.silver). */
final class Silver {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private Silver() {}

  /**
   * A retailer version: valid_from, valid_to (exclusive, may be NULL) and its credited entities.
   */
  record V(
      String code,
      String from,
      String to,
      String grid,
      String manager,
      String format,
      String market,
      String scale,
      String status) {
    Row row() {
      return RowFactory.create(
          code,
          date(from),
          to == null ? null : date(to),
          "shop " + code,
          format,
          scale,
          5,
          grid,
          manager,
          status,
          market);
    }
  }

  static V v(String code, String from, String to, String grid, String manager, String market) {
    return new V(code, from, to, grid, manager, "grocery", market, "small", "active");
  }

  static Row sale(String id, String day, V v, int priceClass, long qty, String amount) {
    LocalDate d = LocalDate.parse(day);
    return RowFactory.create(
        id,
        1L,
        Date.valueOf(d),
        v.code(),
        "S" + priceClass,
        qty,
        new BigDecimal(amount),
        date(v.from()),
        v.grid(),
        v.manager(),
        v.format(),
        v.market(),
        v.scale(),
        priceClass,
        "sales/s.csv",
        2L,
        "b1",
        d.getYear(),
        d.getMonthValue());
  }

  /** A touchpoint at a Shanghai local time; mot scores and satisfaction may be NULL. */
  static Row tp(
      String id,
      String localTs,
      V v,
      String channel,
      Integer satisfaction,
      Double[] mot,
      Boolean resolved24h) {
    LocalDateTime t = LocalDateTime.parse(localTs);
    Timestamp ts = Timestamp.from(t.atZone(SHANGHAI).toInstant());
    boolean complaint = channel.equals("complaint");
    return RowFactory.create(
        id,
        ts,
        Date.valueOf(t.toLocalDate()),
        v.code(),
        v.manager(),
        channel,
        10.0,
        mot == null ? null : mot[0],
        mot == null ? null : mot[1],
        mot == null ? null : mot[2],
        satisfaction,
        complaint ? "delivery" : null,
        null,
        complaint ? resolved24h : null,
        date(v.from()),
        v.grid(),
        v.manager(),
        v.format(),
        v.market(),
        v.scale(),
        "tp/t.jsonl",
        1L,
        "b1",
        t.getYear(),
        t.getMonthValue());
  }

  static Row target(int year, int month, String manager, String cases) {
    return RowFactory.create(year, month, manager, new BigDecimal(cases));
  }

  static Date date(String s) {
    return Date.valueOf(LocalDate.parse(s));
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }
}
