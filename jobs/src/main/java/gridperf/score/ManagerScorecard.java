package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import gridperf.config.ScoringConfig.Component;
import gridperf.config.StandardsConfig;
import gridperf.gold.ServiceStandards;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * {@code manager_scorecard} — grain: manager × year, key (manager_code, year); every manager with
 * at least one assigned retailer in the year (perf_manager Y rows with retailers_assigned &gt; 0).
 * Sources: perf_manager (Y rows), the primary grid (from dim_retailer assignment), and optionally
 * service_compliance recomputed for a what-if. Rules (docs/contract.md, Manager scorecard): peer
 * group = the market_type of the primary grid; each component's value, score ({@link
 * ComponentScore}) and points = weight × score; composite = Σ points / Σ weight rounded half-up to
 * 2 places; tier over all managers of the year by position p = (rank − 1) / n against the tier
 * cut-offs; bonus_yuan = base bonus × the tier's multiplier. The standards gate
 * (docs/standards.md): ranked_tier is the tier from the composite; a manager whose
 * service_standards year row has standards_met = false gets at best {@code standards.gate_tier}
 * (nobody else moves), so tier is the worse of the two and the bonus follows tier. Columns:
 * manager_code, year, market_type, primary_grid_code, then value/score/points per component in the
 * scoring file's order, composite, tier, bonus_yuan, ranked_tier, standards_met.
 */
public final class ManagerScorecard {
  /** bonus_yuan: money, exact to the fen. */
  public static final DecimalType BONUS = DataTypes.createDecimalType(18, 2);

  private ManagerScorecard() {}

  /**
   * Builds the scorecard with the default fair-scoring columns left out and no standards
   * (standards_met NULL, no gate).
   *
   * @param perfManager perf_manager (any period types; Y rows are used)
   * @param primaryGrids {@link PrimaryGrid#of} rows
   * @param serviceCompliance (manager_code, year, service_compliance) replacing perf_manager's
   *     column for a what-if, or null to keep perf_manager's
   */
  public static Dataset<Row> build(
      Dataset<Row> perfManager,
      Dataset<Row> primaryGrids,
      Dataset<Row> serviceCompliance,
      ScoringConfig cfg) {
    return build(perfManager, primaryGrids, serviceCompliance, null, null, cfg);
  }

  /**
   * Builds the scorecard with the standards gate and the fair-scoring settings of {@code cfg}; the
   * columns {@code eligible} and {@code assigned_days} come after the others.
   *
   * @param standards service_standards (any period types; Y rows are used), or null when unknown
   *     (standards_met NULL, no gate)
   * @param assignedDays {@link AssignedDays#of} rows, or null: then every manager is eligible and
   *     the two columns are left out (settings that need the days are refused)
   */
  public static Dataset<Row> build(
      Dataset<Row> perfManager,
      Dataset<Row> primaryGrids,
      Dataset<Row> serviceCompliance,
      Dataset<Row> standards,
      Dataset<Row> assignedDays,
      ScoringConfig cfg) {
    Dataset<Row> managers =
        perfManager.where(col("period_type").equalTo("Y").and(col("retailers_assigned").gt(0)));
    if (serviceCompliance != null) {
      managers =
          managers
              .drop("service_compliance")
              .join(
                  serviceCompliance.select("manager_code", "year", "service_compliance"),
                  new String[] {"manager_code", "year"},
                  "left");
    }
    Dataset<Row> df =
        managers
            .join(
                primaryGrids.select("manager_code", "year", "primary_grid_code", "market_type"),
                new String[] {"manager_code", "year"},
                "inner")
            .select(valueColumns(cfg.components()));
    df = FairScorecard.eligibility(df, assignedDays, cfg.fair());
    Dataset<Row> eligible = df.where(col("eligible"));
    for (Component c : cfg.components()) {
      eligible = eligible.withColumn(ComponentScore.score(c), FairScorecard.score(c, cfg.fair()));
      eligible =
          eligible.withColumn(
              ComponentScore.points(c), lit(c.weight()).multiply(col(ComponentScore.score(c))));
    }
    eligible = eligible.withColumn("composite", FairScorecard.composite(cfg));
    df = FairScorecard.withIneligible(eligible, df, cfg.components());
    df = withStandards(df, standards, cfg.standards());
    df = withTier(df, cfg);
    List<String> out = columnNames(cfg.components());
    if (assignedDays != null) {
      out.addAll(FairScorecard.COLUMNS);
    }
    return df.select(out.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /**
   * The table's columns as written for the scoring file's components (their names, in the file's
   * order), the fair-scoring columns last when {@code fair}; the keys manager_code and year are
   * non-nullable.
   */
  public static StructType schema(List<String> components, boolean fair) {
    StringBuilder ddl =
        new StringBuilder(
            "manager_code string not null, year int not null, market_type string,"
                + " primary_grid_code string");
    for (String c : components) {
      ddl.append(", ")
          .append(c)
          .append("_value double, ")
          .append(c)
          .append("_score double, ")
          .append(c)
          .append("_points double");
    }
    ddl.append(
        ", composite double, tier string, bonus_yuan "
            + BONUS.simpleString()
            + ", ranked_tier string, standards_met boolean");
    if (fair) {
      ddl.append(", eligible boolean, assigned_days int");
    }
    return StructType.fromDDL(ddl.toString());
  }

  /** {@link #schema} of a scoring file's components, with the fair-scoring columns. */
  public static StructType schema(ScoringConfig cfg) {
    return schema(cfg.components().stream().map(Component::name).toList(), true);
  }

  /** The output column names, in order. */
  public static List<String> columnNames(List<Component> components) {
    StructType declared = schema(components.stream().map(Component::name).toList(), false);
    return new ArrayList<>(List.of(declared.fieldNames()));
  }

  private static Column[] valueColumns(List<Component> components) {
    List<Column> cols = new ArrayList<>();
    for (String k : List.of("manager_code", "year", "market_type", "primary_grid_code")) {
      cols.add(col(k));
    }
    for (Component c : components) {
      cols.add(col(c.metric()).cast("double").as(ComponentScore.value(c)));
    }
    return cols.toArray(new Column[0]);
  }

  private static Column[] outputColumns(List<Component> components) {
    return columnNames(components).stream()
        .map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
  }

  /**
   * Adds standards_met of the year rows of service_standards, judged under the scoring file in
   * force (its month share and pass rate; the months met are counted by the build under its own
   * self_checks_per_month), so a what-if's thresholds apply to its scenario.
   */
  private static Dataset<Row> withStandards(
      Dataset<Row> df, Dataset<Row> standards, StandardsConfig cfg) {
    if (standards == null) {
      return df.withColumn("standards_met", lit(null).cast("boolean"));
    }
    return df.join(
        standards
            .where(col("period_type").equalTo("Y"))
            .select(
                col("manager_code"),
                col("year"),
                ServiceStandards.standardsMet(
                        col("months_assigned"),
                        col("self_check_months_met"),
                        col("spot_check_pass_rate"),
                        cfg)
                    .as("standards_met")),
        new String[] {"manager_code", "year"},
        "left");
  }

  /**
   * The tier after the gate: the worse of {@code ranked} and the gate tier when the year's
   * standards are not met; {@code ranked} otherwise, and always when there is no gate.
   */
  static Column gated(Column ranked, Column standardsMet, StandardsConfig standards) {
    if (!standards.gated()) {
      return ranked;
    }
    Column gate = lit(standards.gateTier());
    return when(standardsMet.equalTo(false).and(ranked.lt(gate)), gate).otherwise(ranked);
  }

  /**
   * Tier by position among the managers of the year that have a composite (an ineligible manager,
   * or one re-weighted with no value at all, has none and no tier), and the bonus it pays.
   */
  private static Dataset<Row> withTier(Dataset<Row> df, ScoringConfig cfg) {
    // rank() = 1 + the number of managers with a strictly higher composite; NULLs sort last.
    Column rank =
        rank().over(Window.partitionBy("year").orderBy(col("composite").desc_nulls_last()));
    Column n = count(col("composite")).over(Window.partitionBy("year"));
    Column p = rank.minus(1).cast("double").divide(n.cast("double"));
    Column tier =
        when(col("composite").isNull(), lit(null).cast("string"))
            .when(p.lt(cfg.tierA()), "A")
            .when(p.lt(cfg.tierB()), "B")
            .when(p.lt(cfg.tierC()), "C")
            .otherwise("D");
    Column bonus = null;
    for (String t : List.of("A", "B", "C", "D")) {
      Column pay = lit(bonus(cfg, t)).cast(BONUS);
      bonus =
          bonus == null
              ? when(col("tier").equalTo(t), pay)
              : bonus.when(col("tier").equalTo(t), pay);
    }
    return df.withColumn("ranked_tier", tier)
        .withColumn("tier", gated(col("ranked_tier"), col("standards_met"), cfg.standards()))
        .withColumn("bonus_yuan", FairScorecard.prorated(bonus, cfg.fair()));
  }

  /** base bonus × the tier's multiplier, exact in decimal (1.2 × 10,000 is 12,000.00). */
  public static BigDecimal bonus(ScoringConfig cfg, String tier) {
    return BigDecimal.valueOf(cfg.baseBonusYuan())
        .multiply(BigDecimal.valueOf(cfg.multipliers().get(tier)))
        .setScale(2, RoundingMode.HALF_UP);
  }
}
