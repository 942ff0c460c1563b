package gridperf.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gridperf.analyst.SmallLake;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExporterTest extends SparkTestBase {
  private static Lake lake;

  @BeforeAll
  static void lake() {
    lake = SmallLake.write(spark(), newDir("export-lake").toString());
  }

  private static Exporter.Result export(
      List<TableId> tables, String where, Long version, ExportFormat f, Path out, boolean byPeriod)
      throws Exception {
    return Exporter.export(
        lake, new Exporter.Request(tables, where, version, f, out.toString(), byPeriod));
  }

  @Test
  void xlsxKeepsCodesAsTextNumbersTypedRatiosAsPercentAndFreezesTheHeader() throws Exception {
    Path out = newDir("xlsx").resolve("pm.xlsx");
    export(
        List.of(TableId.PERF_MANAGER, TableId.DIM_RETAILER),
        null,
        null,
        ExportFormat.XLSX,
        out,
        false);
    try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(2);
      Sheet pm = wb.getSheet("perf_manager");
      assertThat(text(pm.getRow(0)))
          .containsExactly(
              "manager_code",
              "manager_name",
              "period_type",
              "period",
              "year",
              "retailers_assigned",
              "order_rate",
              "volume_cases",
              "revenue_yuan",
              "visit_coverage");
      PaneInformation pane = pm.getPaneInformation();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
      assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 0);
      assertThat(pm.getRow(0).getCell(0).getCellStyle().getFontIndex()).isPositive();
      assertThat(pm.getLastRowNum()).isEqualTo(4);

      Row m017 = pm.getRow(1);
      assertText(m017.getCell(0), "M017");
      assertText(m017.getCell(1), "张伟");
      assertText(m017.getCell(3), "2014-06");
      assertNumber(m017.getCell(4), 2014, "0");
      assertNumber(m017.getCell(5), 12, "0");
      assertNumber(m017.getCell(6), 0.5, "0.0%");
      assertNumber(m017.getCell(7), 10.25, "#,##0.000");
      assertNumber(m017.getCell(8), 123456.78, "#,##0.00");
      assertNumber(m017.getCell(9), 0.75, "0.0%");
      Row m018 = pm.getRow(2);
      assertNumber(m018.getCell(6), 1.0 / 3, "0.0%");
      assertThat(m018.getCell(9)).isNull();
      assertText(pm.getRow(3).getCell(1), "欧阳, \"小明\"");
      assertNumber(pm.getRow(3).getCell(8), -500.0, "#,##0.00");
      Row m020 = pm.getRow(4);
      assertThat(m020.getCell(1)).isNull();
      assertThat(m020.getCell(6)).isNull();
      assertThat(pm.getColumnWidth(1)).isGreaterThan(pm.getColumnWidth(4));

      Sheet dr = wb.getSheet("dim_retailer");
      assertText(dr.getRow(1).getCell(0), "000000000001");
      assertText(dr.getRow(2).getCell(0), "370784100231");
      assertText(dr.getRow(2).getCell(1), "红旗便利店");
      assertNumber(dr.getRow(2).getCell(3), 7, "0");
      Cell from = dr.getRow(2).getCell(6);
      assertThat(from.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(from.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2012, 1, 1, 0, 0));
      assertThat(from.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(dr.getRow(1).getCell(7)).isNull();
    }
  }

  @Test
  void xlsxSheetByPeriodMakesOneSheetPerPeriodWithItsRows() throws Exception {
    Path out = newDir("xlsx").resolve("by-period.xlsx");
    Exporter.Result r =
        export(List.of(TableId.PERF_MANAGER), "year = 2014", null, ExportFormat.XLSX, out, true);
    assertThat(r.rows()).containsEntry("perf_manager", 4L);
    try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("2014", "2014-06", "2014-07");
      Sheet june = wb.getSheet("2014-06");
      assertThat(june.getLastRowNum()).isEqualTo(2);
      assertText(june.getRow(1).getCell(0), "M017");
      assertText(june.getRow(2).getCell(0), "M018");
      assertText(wb.getSheet("2014").getRow(1).getCell(0), "M019");
      assertThat(wb.getSheet("2014-07").getPaneInformation().isFreezePane()).isTrue();
    }
  }

  @Test
  void csvStartsWithABomAndHoldsTheFilteredRowsOfTheChosenVersion() throws Exception {
    Path out = newDir("csv").resolve("pm.csv");
    export(
        List.of(TableId.PERF_MANAGER), "manager_code <> 'M017'", 0L, ExportFormat.CSV, out, false);
    byte[] bytes = Files.readAllBytes(out);
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
        .isEqualTo(
            "manager_code,manager_name,period_type,period,year,retailers_assigned,order_rate,"
                + "volume_cases,revenue_yuan,visit_coverage\r\n"
                + "M018,李娜,M,2014-06,2014,3,0.3333333333333333,0.004,0.10,\r\n");
  }

  @Test
  void parquetIsAPlainSnapshotAndRefusesToReplaceAnUnrelatedFolder() throws Exception {
    Path dir = newDir("parquet");
    Path out = dir.resolve("dim_retailer");
    export(List.of(TableId.DIM_RETAILER), null, null, ExportFormat.PARQUET, out, false);
    assertThat(Files.exists(out.resolve("_delta_log"))).isFalse();
    assertRows(
        spark().read().parquet(out.toString()).select("retailer_code").orderBy("retailer_code"),
        row("000000000001"),
        row("370784100231"));
    export(List.of(TableId.DIM_RETAILER), "grade > 10", null, ExportFormat.PARQUET, out, false);
    assertThat(spark().read().parquet(out.toString()).count()).isEqualTo(1);

    Path other = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(other.resolve("notes.txt"), "keep me");
    assertThatThrownBy(
            () ->
                export(
                    List.of(TableId.DIM_RETAILER), null, null, ExportFormat.PARQUET, other, false))
        .hasMessageContaining("holds other files (notes.txt)");
    assertThat(other.resolve("notes.txt")).exists();
    Path inLake = Path.of(lake.root(), "gold", "copy");
    assertThatThrownBy(
            () ->
                export(
                    List.of(TableId.DIM_RETAILER), null, null, ExportFormat.PARQUET, inLake, false))
        .hasMessageContaining("overlaps the lake");
  }

  @Test
  void sheetByPeriodNeedsAPeriodOrYearColumn() {
    assertThatThrownBy(() -> Exporter.periodColumn("dim_retailer", SmallLake.DIM_RETAILER))
        .hasMessageContaining("neither a period nor a year column");
    assertThat(Exporter.periodColumn("manager_scorecard", SmallLake.MANAGER_SCORECARD))
        .isEqualTo("year");
  }

  private static List<String> text(Row r) {
    List<String> out = new ArrayList<>();
    r.forEach(c -> out.add(c.getStringCellValue()));
    return out;
  }

  private static void assertText(Cell c, String expected) {
    assertThat(c.getCellType()).as("type of %s", c.getAddress()).isEqualTo(CellType.STRING);
    assertThat(c.getStringCellValue()).isEqualTo(expected);
  }

  private static void assertNumber(Cell c, double expected, String format) {
    assertThat(c.getCellType()).as("type of %s", c.getAddress()).isEqualTo(CellType.NUMERIC);
    assertThat(c.getNumericCellValue()).as("value of %s", c.getAddress()).isEqualTo(expected);
    assertThat(c.getCellStyle().getDataFormatString())
        .as("format of %s", c.getAddress())
        .isEqualTo(format);
  }

  @Test
  void serviceStandardsAndInspectionsExportCodesAsTextAndThePassRateAsPercent() {
    var std = gridperf.gold.ServiceStandards.SCHEMA;
    assertThat(ColumnKind.of(std.apply("manager_code"))).isEqualTo(ColumnKind.TEXT);
    assertThat(ColumnKind.of(std.apply("spot_check_pass_rate"))).isEqualTo(ColumnKind.PERCENT);
    assertThat(ColumnKind.of(std.apply("months_assigned"))).isEqualTo(ColumnKind.INTEGER);
    assertThat(ColumnKind.of(std.apply("standards_met"))).isEqualTo(ColumnKind.BOOLEAN);
    var insp = gridperf.silver.FactInspection.SCHEMA;
    assertThat(ColumnKind.of(insp.apply("inspection_id"))).isEqualTo(ColumnKind.TEXT);
    assertThat(ColumnKind.of(insp.apply("retailer_code"))).isEqualTo(ColumnKind.TEXT);
    assertThat(ColumnKind.of(insp.apply("errors"))).isEqualTo(ColumnKind.INTEGER);
    assertThat(
            ColumnKind.of(gridperf.docs.ScoreTables.MANAGER_SCORECARD_SCHEMA.apply("ranked_tier")))
        .isEqualTo(ColumnKind.TEXT);
  }
}
