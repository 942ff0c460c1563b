package gridperf.docs;

import gridperf.gold.PerfRetailer;
import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;

/** Dictionary entry of {@code perf_retailer}, the retailer's view of its own year. */
public final class RetailerViewTables {
  private RetailerViewTables() {}

  static final TableDefinition PERF_RETAILER =
      TableDefinition.of(TableId.PERF_RETAILER, PerfRetailer.SCHEMA)
          .grain(
              "one row per retailer and period (M, Q, Y) with an assigned day or a credited"
                  + " sale or touchpoint")
          .keys("retailer_code", "period_type", "period")
          .partitionedBy("year")
          .sources(
              "fact_sales_line",
              "fact_touchpoint",
              "dim_retailer (assignment)",
              "retailer_segment",
              "conf/scoring.conf (classes and menus)")
          .rule(
              "Every metric counts the retailer's own credited rows, whichever manager they were"
                  + " credited to. Per period, Σ volume_cases and Σ revenue_yuan equal perf_cube's"
                  + " company total (checked after each write).")
          .column("retailer_code", "the retailer")
          .column("period_type", "M (month), Q (quarter) or Y (year)")
          .column("period", "the period, e.g. 2015-07, 2015-Q3, 2015")
          .column("year", "year of the period (partition)")
          .column(
              "primary_grid_code",
              "grid held on most assigned days of the period (days of all"
                  + " versions with it added up; ties the smallest code); NULL without an assigned day")
          .column("primary_manager_code", "manager likewise")
          .column("segment", "segment of the year before the period's year; NULL without one")
          .column("class", "class of the year before the period's year; NULL without one")
          .column("assigned_days", "days of the period on which the retailer is assigned")
          .column("volume_cases", "Σ qty_cartons / 250 of its own lines")
          .column("revenue_yuan", "Σ amount_yuan of its own lines")
          .column("revenue_per_case", "revenue_yuan / volume_cases; NULL when volume_cases ≤ 0")
          .column("high_class_share", "Σ qty of price class 1–2 / Σ qty; NULL when Σ qty ≤ 0")
          .column(
              "volume_yoy",
              "volume_cases / volume_cases of the same period a year earlier − 1;"
                  + " NULL when that is missing or ≤ 0")
          .column("orders", "distinct order_id with a line of qty_cartons > 0")
          .column("months_ordering", "months of the period with a line of qty_cartons > 0")
          .column("touchpoints", "its credited touchpoints")
          .column("visits", "of which visits")
          .column("phone", "of which phone calls")
          .column("wechat", "of which WeChat contacts")
          .column("complaints", "of which complaints")
          .column(
              "visits_owed",
              "Σ over its months with an assigned day of its class's visit entry"
                  + " (0 without a class)")
          .column("contacts_owed", "the same over every entry of the class's menu, added up")
          .column("menu_months", "its months with an assigned day whose class owes something")
          .column(
              "menu_months_met",
              "those months whose touchpoints, credited to any manager, meet"
                  + " every entry of the menu (remote on the preferred channel)")
          .column(
              "mot_avg",
              "mean of (appearance + behaviour + communication) / 3 over its visits"
                  + " with all three")
          .column("satisfaction_avg", "mean satisfaction over its touchpoints that have one")
          .column(
              "peak_end",
              "(peak + end) / 2 over its ratings of the period in time order; peak ="
                  + " rating farthest from 3 (ties the later), end = the last");
}
