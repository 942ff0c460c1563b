package gridperf.docs;

import gridperf.gold.ServiceStandards;
import gridperf.ingest.Bronze;
import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;
import gridperf.silver.FactInspection;

/**
 * Dictionary entries of the service-standards tables: bronze_inspection, fact_inspection and
 * service_standards (docs/standards.md).
 */
public final class StandardsTables {
  private StandardsTables() {}

  static final TableDefinition BRONZE_INSPECTION =
      TableDefinition.of(TableId.BRONZE_INSPECTION, Bronze.SCHEMA)
          .apply(BronzeTables::bronze)
          .sources("inspections/YYYY/*.csv");

  static final TableDefinition FACT_INSPECTION =
      TableDefinition.of(TableId.FACT_INSPECTION, FactInspection.SCHEMA)
          .grain("one row per inspection (the key's winning accepted row)")
          .keys("inspection_id")
          .partitionedBy("year", "month")
          .sources("inspections/YYYY/*.csv", "dim_retailer", "dim_manager")
          .rule(
              "The inspected manager is the row's own manager_code, not the manager of the"
                  + " retailer's version; the retailer may be of any license status on the date (only a"
                  + " date without a version is quarantined).")
          .column("inspection_id", "inspection id (text)")
          .column("inspection_date", "day of the inspection")
          .column(
              "level",
              "self (the manager's own), general (quarterly) or spot (a supervisor's check)")
          .column("manager_code", "the manager whose service was inspected, as the row names it")
          .column("retailer_code", "retailer where it was inspected (text)")
          .column("passed", "true for Y, false for N")
          .column("errors", "service errors found, ≥ 0")
          .column("retailer_valid_from", "valid_from of the retailer version on inspection_date")
          .column("grid_code", "grid of that version")
          .column("format", "retailer format of that version")
          .column("market_type", "market type of that version's grid")
          .column("scale", "retailer scale of that version")
          .column("src_file", "landing file of the winning row, relative to the landing root")
          .column("src_line", "line of that row in the file")
          .column("batch_id", "ingest batch that accepted the row")
          .column("year", "year of inspection_date (partition)")
          .column("month", "month of inspection_date (partition)");

  static final TableDefinition SERVICE_STANDARDS =
      TableDefinition.of(TableId.SERVICE_STANDARDS, ServiceStandards.SCHEMA)
          .grain("one row per manager and period with a perf_manager row")
          .keys("manager_code", "period_type", "period")
          .partitionedBy("year")
          .sources(
              "fact_inspection",
              "dim_retailer (assignment)",
              "fact_touchpoint (complaints)",
              "conf/scoring.conf (standards)")
          .rule(
              "An inspection counts in the periods of its date, for the manager it names. Months"
                  + " are judged only when the manager has an assigned retailer in them (assigned"
                  + " months, inside the periods' range of months).")
          .rule(
              "Defaults: standards.self_checks_per_month = 2, min_self_check_month_share = 1.0,"
                  + " min_spot_pass_rate = 0.90.")
          .column("manager_code", "the manager")
          .column("period_type", "M (month), Q (quarter) or Y (year)")
          .column("period", "the period, e.g. 2015-07, 2015-Q3, 2015")
          .column("year", "year of the period (partition)")
          .column(
              "months_assigned",
              "months of the period in which the manager has ≥ 1 assigned retailer")
          .column("self_inspections", "the manager's inspections of level self in the period")
          .column("general_inspections", "the manager's inspections of level general in the period")
          .column("spot_checks", "the manager's inspections of level spot in the period")
          .column("spot_checks_passed", "spot checks with passed = Y")
          .column(
              "spot_check_pass_rate", "spot_checks_passed / spot_checks; NULL without a spot check")
          .column("errors", "Σ errors over the manager's inspections in the period")
          .column(
              "self_check_months_met",
              "assigned months with ≥ self_checks_per_month self-inspections")
          .column(
              "error_free_months",
              "assigned months with ≥ 1 inspection and 0 errors (a month"
                  + " without inspections is not error-free)")
          .column(
              "complaint_free_months", "assigned months with no complaint credited to the manager")
          .column(
              "longest_error_free_run",
              "longest run of consecutive error-free months in the"
                  + " period; any other month breaks a run")
          .column(
              "standards_met",
              "self_check_months_met ≥ min_self_check_month_share ×"
                  + " months_assigned and spot_check_pass_rate NULL or ≥ min_spot_pass_rate; true when"
                  + " months_assigned = 0");
}
