package gridperf.docs;

import gridperf.gold.HandoverLedger;
import gridperf.gold.IntegrityFlags;
import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;

/** Dictionary entries of the integrity tables (docs/integrity.md). */
public final class IntegrityTables {
  private IntegrityTables() {}

  static final TableDefinition INTEGRITY_FLAGS =
      TableDefinition.of(TableId.INTEGRITY_FLAGS, IntegrityFlags.SCHEMA)
          .grain("one row per manager, month and flag where the flag is raised (none otherwise)")
          .keys("manager_code", "year", "month", "flag")
          .partitionedBy("year")
          .sources("fact_touchpoint (visits)", "fact_sales_line", "conf/scoring.conf (integrity)")
          .rule(
              "Counts use the manager's credited rows of the month (the retailer's version on the"
                  + " business date); the last 3 days are the month's last three calendar days.")
          .rule(
              "VISIT_BUNCHING: visits on the last 3 days / visits, raised when visits ≥ 10 and"
                  + " value ≥ 0.5. TOKEN_ORDERS: ordering retailers whose lines of the month all fall on"
                  + " the last 3 days and net to exactly 1 carton / ordering retailers, raised when"
                  + " evidence ≥ 3 and value ≥ 0.05. SHORT_VISITS: visits with no numeric duration or"
                  + " under 3 minutes / visits, raised when visits ≥ 10 and value ≥ 0.25."
                  + " REPEAT_VISITS: visits beyond the first to one retailer on one day / visits, raised"
                  + " when evidence ≥ 5 and value ≥ 0.1 (default thresholds).")
          .rule("A flag is evidence to look at, not proof of gaming.")
          .column("manager_code", "account manager credited")
          .column("year", "year (partition)")
          .column("month", "month 1..12")
          .column("flag", "VISIT_BUNCHING, TOKEN_ORDERS, SHORT_VISITS or REPEAT_VISITS")
          .column(
              "value",
              "evidence / its denominator (visits, or ordering retailers for TOKEN_ORDERS)")
          .column("threshold", "the min_share the value was compared with")
          .column("evidence", "the count behind the value (visits, or retailers for TOKEN_ORDERS)");

  static final TableDefinition HANDOVER_LEDGER =
      TableDefinition.of(TableId.HANDOVER_LEDGER, HandoverLedger.SCHEMA)
          .grain(
              "one row per move: an active retailer version whose manager differs from that of"
                  + " the retailer's previous active version, with valid_from inside the period range")
          .keys("retailer_code", "moved_on")
          .sources("dim_retailer", "fact_sales_line")
          .rule(
              "Post window: from the first whole month under the new manager (the move's month"
                  + " when moved_on is the 1st, else the next month), months_compared = k ≤ 12 months,"
                  + " up to the last month of the range. Baseline: the same k calendar months a year"
                  + " earlier.")
          .rule(
              "Volumes are the retailer's whole volume in those months, whoever it was credited to.")
          .column("retailer_code", "the retailer that moved")
          .column("moved_on", "valid_from of the version that moved it")
          .column("from_manager", "manager of the previous active version")
          .column("to_manager", "manager of this version")
          .column(
              "months_compared",
              "k, 0..12; 0 when no whole month under the new manager is in the range")
          .column(
              "post_cases",
              "Σ qty_cartons / 250 of the retailer in the post window; NULL when k = 0")
          .column(
              "baseline_cases",
              "the same over the baseline window; NULL when k = 0 or the"
                  + " retailer has no assigned day in the baseline months inside the range")
          .column("uplift_cases", "post_cases − baseline_cases; NULL when either is NULL");
}
