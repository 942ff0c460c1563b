package gridperf.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Field rules and the first reason that applies (docs/contract.md, Reason codes); no Spark. */
class RulesTest {
  static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  static final LocalDate AS_OF = LocalDate.of(2016, 1, 1);
  static final MasterData M =
      new MasterData(
          Map.of("G1", "urban", "G3", "rural"),
          Set.of("M1", "M3"),
          Map.of("S1", 1, "S3", 3),
          Map.of(
              "R1",
              new MasterData.Version[] {
                new MasterData.Version(
                    LocalDate.of(2014, 1, 1),
                    LocalDate.of(2014, 6, 15),
                    "active",
                    "G1",
                    "M1",
                    "convenience",
                    "small",
                    "urban"),
                new MasterData.Version(
                    LocalDate.of(2014, 6, 15),
                    LocalDate.of(2014, 9, 1),
                    "active",
                    "G3",
                    "M3",
                    "convenience",
                    "small",
                    "rural"),
                new MasterData.Version(
                    LocalDate.of(2014, 9, 1),
                    null,
                    "closed",
                    "G3",
                    "M3",
                    "convenience",
                    "small",
                    "rural")
              }));

  static String sale(String line) {
    try {
      SalesRules.typed(List.of(line.split(",", -1)), M, AS_OF);
      return "OK";
    } catch (Reason.Reject e) {
      return e.reason().name();
    }
  }

  static String tp(String json) {
    try {
      TouchpointRules.typed(json, M, AS_OF, SH);
      return "OK";
    } catch (Reason.Reject e) {
      return e.reason().name();
    }
  }

  @Test
  void salesReasonsInOrder() {
    assertThat(sale("O1,1,2014-03-01,R1,S3,10,1000.00")).isEqualTo("OK");
    assertThat(sale("O1,5.0,2014-03-01,R1,S3,10.0,1000.000")).isEqualTo("OK");
    assertThat(sale(",x,2014-02-30,R9,S9,0,1O")).isEqualTo("MISSING_KEY");
    assertThat(sale("O1,x,2014-02-30,R9,S9,0,1O")).isEqualTo("BAD_NUMBER");
    assertThat(sale("O1,1,2014-02-30,R9,S9,0,1O")).isEqualTo("BAD_DATE");
    assertThat(sale("O1,1,,R1,S3,1,1")).isEqualTo("MISSING_VALUE");
    assertThat(sale("O1,1,2014-03-01,R1,S3,2.5,1")).isEqualTo("BAD_NUMBER");
    assertThat(sale("O1,1,2014-03-01,R1,S3,2,1.005")).isEqualTo("BAD_NUMBER");
    assertThat(sale("O1,1,1999-12-31,R9,S3,0,1")).isEqualTo("OUT_OF_RANGE");
    assertThat(sale("O1,1,2016-01-02,R1,S3,1,1")).isEqualTo("OUT_OF_RANGE");
    assertThat(sale("O1,1,2014-03-01,R1,S3,1,10000000000000000")).isEqualTo("OUT_OF_RANGE");
    assertThat(sale("O1,1,2014-03-01,R1,S3,1,9999999999999999.99")).isEqualTo("OK");
    assertThat(sale("O1,1,2014-03-01,R9,S9,0,1")).isEqualTo("ZERO_QTY");
    assertThat(sale("O1,1,2014-03-01,R9,S9,1,1")).isEqualTo("UNKNOWN_RETAILER");
    assertThat(sale("O1,1,2014-03-01,R1,S9,1,1")).isEqualTo("UNKNOWN_SKU");
    assertThat(sale("O1,1,2013-12-31,R1,S3,1,1")).isEqualTo("NO_RETAILER_VERSION");
    assertThat(sale("O1,1,2014-09-01,R1,S3,1,1")).isEqualTo("RETAILER_NOT_ACTIVE");
    assertThat(sale("O1,1,2014-03-01,R1,S3,-5,-500")).isEqualTo("OK");
  }

  @Test
  void saleIsCreditedToTheVersionOfItsDay() throws Exception {
    Object[] a = SalesRules.typed(List.of("O1", "1", "2014-06-14", "R1", "S1", "1", "1"), M, AS_OF);
    Object[] b = SalesRules.typed(List.of("O2", "1", "2014-06-15", "R1", "S1", "1", "1"), M, AS_OF);
    assertThat(a[9]).isEqualTo("M1");
    assertThat(b[9]).isEqualTo("M3");
    assertThat(b[11]).isEqualTo("rural");
    assertThat(b[13]).isEqualTo(1);
  }

  @Test
  void touchpointReasonsInOrder() {
    String ok =
        "{\"event_id\":\"E1\",\"ts\":\"2014-03-05T10:00:00+08:00\",\"retailer_code\":\"R1\",\"channel\":\"visit\"";
    assertThat(tp(ok + "}")).isEqualTo("OK");
    assertThat(tp("[1, 2]")).isEqualTo("MALFORMED");
    assertThat(tp("{\"event_id\":\"T2\",\"ts\":")).isEqualTo("MALFORMED");
    assertThat(tp(ok + "} {}")).isEqualTo("MALFORMED");
    assertThat(tp("{\"ts\":\"x\"}")).isEqualTo("MISSING_KEY");
    assertThat(tp("{\"event_id\":\"E\",\"retailer_code\":\"R1\",\"channel\":\"visit\"}"))
        .isEqualTo("MISSING_VALUE");
    assertThat(tp("{\"event_id\":\"E\",\"ts\":\"2014-13-05T10:00:00+08:00\"}"))
        .isEqualTo("BAD_DATE");
    assertThat(
            tp(
                "{\"event_id\":\"E\",\"ts\":\"2014-13-05T10:00:00+08:00\",\"retailer_code\":\"R1\",\"channel\":\"visit\"}"))
        .isEqualTo("BAD_DATE");
    assertThat(tp(ok + ",\"satisfaction\":0}")).isEqualTo("OUT_OF_RANGE");
    assertThat(tp(ok + ",\"satisfaction\":\"4\"}")).isEqualTo("OUT_OF_RANGE");
    assertThat(tp(ok + ",\"satisfaction\":4.0}")).isEqualTo("OK");
    assertThat(tp(ok + ",\"satisfaction\":null,\"mot\":{\"appearance\":\"x\"}}")).isEqualTo("OK");
    assertThat(tp(ok.replace("visit", "email") + "}")).isEqualTo("OUT_OF_RANGE");
    assertThat(tp(ok + ",\"complaint\":{\"resolved_ts\":\"2014-03-05T09:00:00+08:00\"}}"))
        .isEqualTo("OUT_OF_RANGE");
    assertThat(tp(ok + ",\"complaint\":{\"resolved_ts\":\"yesterday\"}}")).isEqualTo("BAD_DATE");
    assertThat(tp(ok + ",\"manager_code\":\"M9\"}")).isEqualTo("UNKNOWN_MANAGER");
    assertThat(tp(ok.replace("R1", "R9") + ",\"manager_code\":\"M9\"}"))
        .isEqualTo("UNKNOWN_RETAILER");
    assertThat(tp(ok.replace("2014-03-05", "2013-03-05") + "}")).isEqualTo("NO_RETAILER_VERSION");
    // a touchpoint on a closed day is kept (only a day without any version is quarantined)
    assertThat(tp(ok.replace("2014-03-05", "2014-10-05") + "}")).isEqualTo("OK");
  }

  @Test
  void satisfactionIsAJsonNumberWithAnIntegerValue1To5() {
    String ok =
        "{\"event_id\":\"E1\",\"ts\":\"2014-03-05T10:00:00+08:00\",\"retailer_code\":\"R1\",\"channel\":\"visit\"";
    assertThat(tp(ok + ",\"satisfaction\":4}")).isEqualTo("OK");
    assertThat(tp(ok + ",\"satisfaction\":5.0}")).isEqualTo("OK");
    assertThat(tp(ok + ",\"satisfaction\":4.5}")).isEqualTo("OUT_OF_RANGE");
    assertThat(tp(ok + ",\"satisfaction\":6}")).isEqualTo("OUT_OF_RANGE");
    assertThat(tp(ok + ",\"satisfaction\":true}")).isEqualTo("OUT_OF_RANGE");
    assertThat(tp(ok + ",\"satisfaction\":4294967300}")).isEqualTo("OUT_OF_RANGE");
    // beyond a double: Jackson reads Infinity, which must be a reason, not a failed task
    assertThat(tp(ok + ",\"satisfaction\":1e400}")).isEqualTo("OUT_OF_RANGE");
  }

  @Test
  void objectWhereAScalarBelongsIsReadAsItsJsonTextAndJudgedByItsColumnsRule() throws Exception {
    // valid JSON is not MALFORMED: the missing key comes first
    assertThat(
            tp(
                "{\"ts\":\"2014-03-05T10:00:00+08:00\",\"retailer_code\":\"R1\",\"channel\":\"complaint\",\"complaint\":{\"category\":[\"x\"]}}"))
        .isEqualTo("MISSING_KEY");
    assertThat(
            tp(
                "{\"event_id\":\"E\",\"ts\":[\"2014-03-05T10:00:00+08:00\"],\"retailer_code\":\"R1\",\"channel\":\"visit\"}"))
        .isEqualTo("BAD_DATE");
    assertThat(
            tp(
                "{\"event_id\":\"E\",\"ts\":\"2014-03-05T10:00:00\",\"retailer_code\":\"R1\",\"channel\":[\"visit\"]}"))
        .isEqualTo("OUT_OF_RANGE");
    assertThat(
            tp(
                "{\"event_id\":\"E\",\"ts\":\"2014-03-05T10:00:00\",\"retailer_code\":{\"code\":\"R1\"},\"channel\":\"visit\"}"))
        .isEqualTo("UNKNOWN_RETAILER");
    assertThat(
            tp(
                "{\"event_id\":\"E\",\"ts\":\"2014-03-05T10:00:00\",\"retailer_code\":\"R1\",\"manager_code\":[\"M1\"],\"channel\":\"visit\"}"))
        .isEqualTo("UNKNOWN_MANAGER");
    // the column order still holds: a bad date before an unknown manager
    assertThat(
            tp(
                "{\"event_id\":\"E\",\"ts\":\"2014-13-05T10:00:00\",\"retailer_code\":\"R1\",\"manager_code\":[\"M1\"],\"channel\":\"visit\"}"))
        .isEqualTo("BAD_DATE");
    // category is not validated: kept as its JSON text
    assertThat(
            tp(
                "{\"event_id\":\"E\",\"ts\":\"2014-03-05T10:00:00\",\"retailer_code\":\"R1\",\"channel\":\"complaint\",\"complaint\":{\"category\":{\"a\":1}}}"))
        .isEqualTo("OK");
    Object[] typed =
        TouchpointRules.typed(
            "{\"event_id\":\"E\",\"ts\":\"2014-03-05T10:00:00\",\"retailer_code\":\"R1\",\"channel\":\"complaint\",\"complaint\":{\"category\":{ \"a\" : [1, \"二\"] }}}",
            M,
            AS_OF,
            SH);
    assertThat(typed[11]).isEqualTo("{\"a\":[1,\"二\"]}");
  }

  @Test
  void timestampsAreIso8601AndBusinessLocalWithoutOffset() throws Exception {
    java.time.Instant t = java.time.Instant.parse("2014-03-05T02:00:00Z");
    assertThat(Values.timestamp("ts", "2014-03-05T10:00:00+08:00", SH)).isEqualTo(t);
    assertThat(Values.timestamp("ts", "2014-03-05T02:00:00Z", SH)).isEqualTo(t);
    assertThat(Values.timestamp("ts", "2014-03-05T10:00:00", SH)).isEqualTo(t);
    assertThat(Values.timestamp("ts", "2014-03-05T10:00", SH)).isEqualTo(t);
    // ISO-8601 allows an offset of hours only
    assertThat(Values.timestamp("ts", "2014-03-05T10:00:00+08", SH)).isEqualTo(t);
    assertThat(Values.timestamp("ts", "2014-03-04T21:00:00-05", SH)).isEqualTo(t);
    for (String bad :
        List.of(
            "2014-02-30T10:00:00+08:00",
            "2014-03-05T25:00:00",
            "2014-03-05T10:00:00+8",
            "yesterday")) {
      try {
        Values.timestamp("ts", bad, SH);
        fail("expected BAD_DATE for " + bad);
      } catch (Reason.Reject e) {
        assertThat(e.reason()).isEqualTo(Reason.BAD_DATE);
      }
    }
  }

  @Test
  void businessDateDecidesMonthAndVersion() throws Exception {
    Object[] late =
        TouchpointRules.typed(
            "{\"event_id\":\"E1\",\"ts\":\"2014-06-14T16:30:00Z\",\"retailer_code\":\"R1\",\"manager_code\":\"M1\",\"channel\":\"visit\"}",
            M,
            AS_OF,
            SH);
    assertThat(late[2].toString()).isEqualTo("2014-06-15");
    assertThat(late[16]).isEqualTo("M3");
    Object[] naive =
        TouchpointRules.typed(
            "{\"event_id\":\"E4\",\"ts\":\"2014-05-31T23:00:00\",\"retailer_code\":\"R1\",\"channel\":\"phone\"}",
            M,
            AS_OF,
            SH);
    assertThat(naive[2].toString()).isEqualTo("2014-05-31");
    Object[] eom =
        TouchpointRules.typed(
            "{\"event_id\":\"E5\",\"ts\":\"2014-05-31T17:00:00Z\",\"retailer_code\":\"R1\",\"channel\":\"phone\"}",
            M,
            AS_OF,
            SH);
    assertThat(eom[21]).isEqualTo(6);
  }

  @Test
  void complaintResolvedWithin24hIncludesBothEnds() throws Exception {
    String base =
        "{\"event_id\":\"E\",\"ts\":\"2014-03-05T10:00:00+08:00\",\"retailer_code\":\"R1\",\"channel\":\"complaint\"";
    Object[] exact =
        TouchpointRules.typed(
            base + ",\"complaint\":{\"category\":\"c\",\"resolved_ts\":\"2014-03-06T02:00:00Z\"}}",
            M,
            AS_OF,
            SH);
    Object[] over =
        TouchpointRules.typed(
            base + ",\"complaint\":{\"resolved_ts\":\"2014-03-06T10:00:01+08:00\"}}", M, AS_OF, SH);
    Object[] none = TouchpointRules.typed(base + "}", M, AS_OF, SH);
    Object[] empty =
        TouchpointRules.typed(base + ",\"complaint\":{\"resolved_ts\":\"\"}}", M, AS_OF, SH);
    Object[] nul =
        TouchpointRules.typed(base + ",\"complaint\":{\"resolved_ts\":null}}", M, AS_OF, SH);
    assertThat(exact[13]).isEqualTo(true);
    assertThat(over[13]).isEqualTo(false);
    assertThat(none[13]).isEqualTo(false);
    // an empty resolved_ts is missing (unresolved), like a null one: not a BAD_DATE row
    assertThat(empty[13]).isEqualTo(false);
    assertThat(nul[13]).isEqualTo(false);
  }

  @Test
  void masterRowsReferToAcceptedMaster() {
    try {
      MasterRules.typed(
          gridperf.landingfiles.LandingSource.RETAILERS,
          List.of("R2", "n", "grocery", "medium", "5", "G9", "M9", "active", "2013-01-01"),
          Map.of("G1", "urban"),
          Set.of("M1"));
      fail("expected UNKNOWN_GRID");
    } catch (Reason.Reject e) {
      assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_GRID);
    }
  }

  @Test
  void anOutOfRangeMessageListsTheAllowedValuesInTheContractsOrder() {
    assertThatThrownBy(() -> Values.oneOf("market_type", "city", MasterRules.MARKET_TYPES))
        .hasMessage("market_type is not one of [urban, town, rural]: city");
    assertThatThrownBy(() -> Values.oneOf("channel", "email", TouchpointRules.CHANNELS))
        .hasMessage(
            "channel is not one of [visit, phone, wechat, complaint, delivery, training]: email");
  }
}
