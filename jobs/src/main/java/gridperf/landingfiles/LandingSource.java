package gridperf.landingfiles;

import gridperf.lakehouse.TableId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The landing sources (docs/contract.md, Landing files): where each lives under the landing root,
 * its contract columns in contract order (the order validation checks them in), its key columns,
 * the charset setting that applies and the bronze table its raw rows go to. Master sources come
 * first, in the order they are validated (grids, managers, products, retailers, targets, pilots).
 */
public enum LandingSource {
  GRIDS("master", "master/grids.csv", List.of("grid_code", "grid_name", "station", "market_type")),
  MANAGERS(
      "master",
      "master/managers.csv",
      List.of("manager_code", "manager_name", "station", "hire_date")),
  PRODUCTS(
      "master",
      "master/products.csv",
      List.of("sku_code", "sku_name", "brand", "price_class", "carton_price")),
  RETAILERS(
      "master",
      "master/retailers.csv",
      List.of(
          "retailer_code",
          "retailer_name",
          "format",
          "scale",
          "grade",
          "grid_code",
          "manager_code",
          "license_status",
          "valid_from")),
  TARGETS("master", "master/targets.csv", List.of("year", "month", "manager_code", "target_cases")),
  PILOTS(
      "master",
      "master/pilots.csv",
      List.of("pilot_id", "pilot_name", "grid_code", "arm", "start_month", "end_month")),
  SALES(
      "sales",
      null,
      List.of(
          "order_id",
          "line_no",
          "order_date",
          "retailer_code",
          "sku_code",
          "qty_cartons",
          "amount_yuan")),
  TOUCHPOINTS(
      "touchpoints",
      null,
      List.of(
          "event_id",
          "ts",
          "retailer_code",
          "manager_code",
          "channel",
          "duration_min",
          "mot",
          "satisfaction",
          "complaint")),
  INSPECTIONS(
      "inspections",
      null,
      List.of(
          "inspection_id",
          "inspection_date",
          "level",
          "manager_code",
          "retailer_code",
          "passed",
          "errors"));

  private final String charsetGroup;
  private final String fixedPath;
  private final List<String> columns;

  LandingSource(String charsetGroup, String fixedPath, List<String> columns) {
    this.charsetGroup = charsetGroup;
    this.fixedPath = fixedPath;
    this.columns = columns;
  }

  /** The {@code landing.charset} key that applies: master, sales, touchpoints or inspections. */
  public String charsetGroup() {
    return charsetGroup;
  }

  /** Contract columns in contract order. */
  public List<String> columns() {
    return columns;
  }

  /**
   * The position of contract column {@code name} in a bronze row's fields (contract order); fails
   * for a column this source does not have.
   */
  public int fieldIndex(String name) {
    int i = columns.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(label() + " has no contract column " + name);
    }
    return i;
  }

  /** Lower-case name stored in bronze and quarantine ({@code sales}, {@code retailers}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isMaster() {
    return charsetGroup.equals("master");
  }

  public boolean isJson() {
    return this == TOUCHPOINTS;
  }

  /** The bronze table of this source's raw rows. */
  public TableId bronzeTable() {
    return switch (this) {
      case SALES -> TableId.BRONZE_SALES_LINE;
      case TOUCHPOINTS -> TableId.BRONZE_TOUCHPOINT;
      case INSPECTIONS -> TableId.BRONZE_INSPECTION;
      default -> TableId.BRONZE_MASTER;
    };
  }

  /** The suffix of a gzip-compressed delivery ({@code sales/2015/s.csv.gz}). */
  public static final String GZIP_SUFFIX = ".gz";

  /**
   * The path a contract file has under the landing root: its fixed path for a master file, else
   * {@code <label>/YYYY/<name>.csv} ({@code .jsonl} for JSON sources). A source added to this enum
   * is recognised by {@link #of} without further code.
   */
  private boolean matches(String path) {
    if (fixedPath != null) {
      return fixedPath.equals(path);
    }
    String extension = isJson() ? "\\.jsonl" : "\\.csv";
    return path.matches(Pattern.quote(label()) + "/\\d{4}/[^/.][^/]*" + extension);
  }

  /**
   * The source of a path relative to the landing root: a contract file is {@code master/<name>.csv}
   * or {@code <source>/YYYY/*.csv} ({@code *.jsonl} for touchpoints), each also gzip-compressed
   * with {@code .gz} added; empty for anything else (not ingested, reported as ignored). A name
   * starting with a dot is a hidden file (an editor's or uploader's temporary copy), as for a
   * shell's {@code *} and for Spark's file sources: ignored.
   */
  public static Optional<LandingSource> of(String relativePath) {
    String plain = uncompressed(relativePath);
    for (LandingSource s : values()) {
      if (s.matches(plain)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The path without its {@code .gz} suffix (the path itself when it has none). */
  public static String uncompressed(String relativePath) {
    return relativePath.endsWith(GZIP_SUFFIX)
        ? relativePath.substring(0, relativePath.length() - GZIP_SUFFIX.length())
        : relativePath;
  }

  public static Optional<LandingSource> byLabel(String label) {
    for (LandingSource s : values()) {
      if (s.label().equals(label)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
