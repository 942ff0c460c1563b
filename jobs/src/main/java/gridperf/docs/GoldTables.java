package gridperf.docs;

import gridperf.gold.PerfCategory;
import gridperf.gold.PerfCube;
import gridperf.gold.PerfGrid;
import gridperf.gold.PerfManager;
import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;

/**
 * Dictionary entries of the gold perf tables, retailer_segment and service_visits
 * (docs/contract.md, Gold tables), over the schemas their classes declare and the build enforces on
 * write.
 */
public final class GoldTables {
  private GoldTables() {}

  private static TableDefinition period(TableDefinition d) {
    return d.partitionedBy("year")
        .rule(
            "Periods: every month from the first to the last month with an accepted sale or"
                + " touchpoint, and the quarters and years containing them. Every metric of every period"
                + " is computed from that period's rows, never by adding smaller periods.")
        .rule(
            "A ratio with a zero or missing denominator is NULL; on an existing row sums and"
                + " counts are 0, not NULL.")
        .column("period_type", "M (month), Q (quarter) or Y (year)")
        .column("period", "the period, e.g. 2015-07, 2015-Q3, 2015")
        .column("year", "year of the period (partition)");
  }

  private static TableDefinition sales(TableDefinition d) {
    return d.column(
            "retailers_ordering",
            "distinct retailers with a credited sales line with qty_cartons > 0")
        .column("volume_cases", "Σ qty_cartons / 250, cases (箱)")
        .column("revenue_yuan", "Σ amount_yuan, yuan")
        .column("revenue_per_case", "revenue_yuan / volume_cases (单箱值); NULL when volume_cases ≤ 0")
        .column(
            "high_class_share",
            "Σ qty of price class 1–2 / Σ qty; NULL when Σ qty ≤ 0 (returns can"
                + " put it outside [0, 1])");
  }

  private static TableDefinition metrics(TableDefinition d) {
    return d.apply(GoldTables::period)
        .apply(GoldTables::sales)
        .sources("fact_sales_line", "fact_touchpoint", "dim_retailer (assignment)")
        .column(
            "retailers_assigned",
            "distinct retailers assigned to the entity on at least one day of the period")
        .column("order_rate", "retailers_ordering / retailers_assigned")
        .column(
            "volume_yoy",
            "volume_cases / volume_cases of the same entity and period a year"
                + " earlier − 1; NULL when that is missing or ≤ 0")
        .column("touchpoints", "credited touchpoints")
        .column("visits", "credited touchpoints with channel = visit")
        .column("complaints", "credited touchpoints with channel = complaint")
        .column(
            "visit_coverage",
            "assigned retailers with a credited visit in the period / retailers_assigned")
        .column(
            "mot_avg",
            "mean of (appearance + behaviour + communication) / 3 over visits with all three")
        .column("satisfaction_avg", "mean satisfaction over touchpoints that have one")
        .column(
            "peak_end_avg",
            "mean over retailers with a credited rating of their peak–end score"
                + " ((peak + end) / 2; peak = rating farthest from 3, ties the later)")
        .column("complaints_per_100", "complaints / retailers_assigned × 100")
        .column(
            "complaint_resolved_24h_rate", "complaints resolved within 24 h of ts / complaints");
  }

  private static final String COMPLIANCE =
      "Y rows only: share of (retailer, month) pairs — retailer assigned to the entity in the"
          + " month, whose class of the previous year owes something — in which the entity's"
          + " credited touchpoints meet every entry of the class's menu (remote on the retailer's"
          + " preferred channel); NULL on M and Q rows and without pairs";

  static final TableDefinition PERF_MANAGER =
      TableDefinition.of(TableId.PERF_MANAGER, PerfManager.SCHEMA)
          .apply(GoldTables::metrics)
          .grain(
              "one row per manager and period with an assigned retailer or a credited sale or touchpoint")
          .keys("manager_code", "period_type", "period")
          .sources(
              "fact_sales_line",
              "fact_touchpoint",
              "dim_retailer (assignment)",
              "fact_target",
              "service_visits",
              "retailer_segment")
          .column("manager_code", "account manager credited")
          .column(
              "target_cases",
              "Σ targets over the period's months with an M row; NULL if one has no target")
          .column("target_attainment", "volume_cases / target_cases")
          .column("service_compliance", COMPLIANCE);

  static final TableDefinition PERF_GRID =
      TableDefinition.of(TableId.PERF_GRID, PerfGrid.SCHEMA)
          .apply(GoldTables::metrics)
          .grain(
              "one row per grid and period with an assigned retailer or a credited sale or touchpoint")
          .keys("grid_code", "period_type", "period")
          .column("grid_code", "grid credited")
          .column("service_compliance", COMPLIANCE);

  static final TableDefinition PERF_CATEGORY =
      TableDefinition.of(TableId.PERF_CATEGORY, PerfCategory.SCHEMA)
          .apply(GoldTables::metrics)
          .grain("one row per retailer category (format, market_type, scale) and period")
          .keys("format", "market_type", "scale", "period_type", "period")
          .column("format", "retailer format of the version valid on the day")
          .column("market_type", "market type of that version's grid")
          .column("scale", "retailer scale of that version");

  static final TableDefinition PERF_CUBE =
      TableDefinition.of(TableId.PERF_CUBE, PerfCube.SCHEMA)
          .apply(GoldTables::period)
          .apply(GoldTables::sales)
          .grain(
              "one row per value combination of each grouping set and period, for combinations"
                  + " present in credited sales lines")
          .keys(PerfCube.KEYS.toArray(new String[0]))
          .sources("fact_sales_line")
          .rule(
              "Grouping sets: (grid_code, manager_code), (grid_code, price_class), (manager_code,"
                  + " price_class), (format, market_type, scale), (format, market_type, scale,"
                  + " price_class), (market_type, price_class), (price_class), () = company total. A"
                  + " column outside the set is NULL.")
          .column("grid_code", "grid credited; NULL outside the set")
          .column("manager_code", "manager credited; NULL outside the set")
          .column("format", "retailer format; NULL outside the set")
          .column("market_type", "market type; NULL outside the set")
          .column("scale", "retailer scale; NULL outside the set")
          .column("price_class", "price class 1..5; NULL outside the set")
          .column(
              "grouping_id",
              "Spark grouping_id() over the six dimensions, first the most"
                  + " significant bit, set when the column is not in the set: 15 = (grid_code,"
                  + " manager_code), 63 = company total");

  static final TableDefinition RETAILER_SEGMENT =
      TableDefinition.of(TableId.RETAILER_SEGMENT, gridperf.gold.RetailerSegment.SCHEMA)
          .grain(
              "one row per retailer and year, every retailer assigned on at least one day of the year")
          .keys("retailer_code", "year")
          .partitionedBy("year")
          .sources("fact_sales_line", "dim_retailer (assignment)", "conf/scoring.conf (cut-offs)")
          .rule(
              "Within (year, market_type): rank = 1 + the number with a strictly higher revenue,"
                  + " p = (rank − 1) / n: A if p < 0.2, B if p < 0.5, else C (default cut-offs).")
          .column("retailer_code", "the retailer")
          .column("year", "the year (partition)")
          .column(
              "market_type",
              "market type of the retailer's primary grid of the year (most"
                  + " assigned days; ties grid_code ascending)")
          .column("revenue_yuan", "the year's Σ amount_yuan; 0 without sales")
          .column("segment", "A, B or C by the year's revenue rank within the market type")
          .column(
              "class",
              "the first class rule of the scoring file matching the year's segment,"
                  + " market type and primary format, scale and grade (most assigned days; ties the"
                  + " smallest value); unclassified when none matches; its service menu applies to the"
                  + " next year (default: the segment)")
          .column(
              "preferred_remote",
              "phone or wechat: the channel with more of the retailer's"
                  + " touchpoints in the year, all managers together; a tie or none: phone");

  static final TableDefinition SERVICE_VISITS =
      TableDefinition.of(TableId.SERVICE_VISITS, gridperf.gold.ServiceVisits.SCHEMA)
          .grain(
              "one row per entity, retailer and month with the retailer assigned to the entity"
                  + " on at least one day of the month")
          .keys("entity_type", "entity_code", "retailer_code", "year", "month")
          .partitionedBy("year")
          .sources("fact_touchpoint", "dim_retailer (assignment)")
          .rule(
              "Kept so a what-if `score` can recompute service_compliance under its own classes"
                  + " and menus.")
          .column("entity_type", "manager or grid")
          .column("entity_code", "manager_code or grid_code")
          .column("retailer_code", "the retailer")
          .column("year", "year (partition)")
          .column("month", "month 1..12")
          .column(
              "visits", "visits credited to the entity for the retailer in the month (0 allowed)")
          .column("phone", "phone calls credited likewise")
          .column("wechat", "WeChat contacts credited likewise")
          .column("training", "trainings credited likewise");
}
