package gridperf.export;

import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * How a column becomes a spreadsheet cell. Codes ({@code *_code}) and every string are text, so a
 * 12-digit retailer code never turns into 3.70784E+11; integers and decimals are numbers; ratios
 * (docs/contract.md, Metrics: order_rate, high_class_share, volume_yoy, target_attainment,
 * visit_coverage, complaint_resolved_24h_rate, service_compliance and the scorecard's values of
 * those) are numbers shown as percent; dates and timestamps are date cells.
 */
public enum ColumnKind {
  TEXT("@"),
  INTEGER("0"),
  DECIMAL(null),
  NUMBER("General"),
  PERCENT("0.0%"),
  DATE("yyyy-mm-dd"),
  TIMESTAMP("yyyy-mm-dd hh:mm:ss"),
  BOOLEAN("General"),
  NESTED("@");

  /** Ratio columns named in docs/contract.md that no suffix rule catches. */
  private static final Set<String> RATIOS =
      Set.of(
          "order_rate",
          "high_class_share",
          "volume_yoy",
          "target_attainment",
          "visit_coverage",
          "complaint_resolved_24h_rate",
          "service_compliance",
          "attainment_value",
          "growth_value",
          "activity_value",
          "service_value");

  private static final String[] RATIO_SUFFIXES = {
    "_rate", "_share", "_coverage", "_attainment", "_yoy", "_compliance", "_ratio", "_pct"
  };

  private final String format;

  ColumnKind(String format) {
    this.format = format;
  }

  /** The Excel number format of the kind; for decimals one decimal place per digit of scale. */
  public String format(DataType type) {
    if (this == DECIMAL) {
      int scale = ((DecimalType) type).scale();
      return scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
    }
    return format;
  }

  /** True when a column of this name holds a ratio shown as percent. */
  public static boolean isRatio(String column) {
    String c = column.toLowerCase(Locale.ROOT);
    if (RATIOS.contains(c)) {
      return true;
    }
    for (String s : RATIO_SUFFIXES) {
      if (c.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /** The kind of one column. */
  public static ColumnKind of(StructField f) {
    DataType t = f.dataType();
    String name = f.name().toLowerCase(Locale.ROOT);
    if (name.endsWith("_code")) {
      return t instanceof StructType || t instanceof ArrayType || t instanceof MapType
          ? NESTED
          : TEXT;
    }
    if (t instanceof DoubleType || t instanceof FloatType) {
      return isRatio(name) ? PERCENT : NUMBER;
    }
    if (t instanceof DecimalType) {
      return isRatio(name) ? PERCENT : DECIMAL;
    }
    if (t instanceof IntegerType
        || t instanceof LongType
        || t instanceof ShortType
        || t instanceof ByteType) {
      return INTEGER;
    }
    if (t instanceof DateType) {
      return DATE;
    }
    if (t instanceof TimestampType || t instanceof TimestampNTZType) {
      return TIMESTAMP;
    }
    if (t instanceof BooleanType) {
      return BOOLEAN;
    }
    if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
      return NESTED;
    }
    return TEXT;
  }
}
