package gridperf.landingfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingParsingTest {
  @Test
  void splitsRfc4180AndTrimsFields() throws Exception {
    assertThat(CsvLine.split(" a , \"b,c\" ,\"d\"\"e\",,"))
        .containsExactly("a", "b,c", "d\"e", "", "");
    assertThat(CsvLine.split("\"O11\",\"1\"")).containsExactly("O11", "1");
    // inside quotes too, and every Unicode space: no-break (U+00A0, U+202F), ideographic (U+3000)
    assertThat(CsvLine.split("\" S1 \",12.50\u00a0,\u3000R1\u202f,\"\u00a0\""))
        .containsExactly("S1", "12.50", "R1", "");
  }

  @Test
  void unclosedQuoteIsBadCsv() {
    assertThatThrownBy(() -> CsvLine.split("\"O3,1,2014")).isInstanceOf(CsvLine.BadCsv.class);
    assertThatThrownBy(() -> CsvLine.split("\"a\"b,c")).isInstanceOf(CsvLine.BadCsv.class);
  }

  @Test
  void autoDecodesEachLineUtf8ThenGb18030AndStripsBom() {
    LineDecoder d = new LineDecoder("auto");
    byte[] gbk = "安丘O1".getBytes(Charset.forName("GBK"));
    byte[] utf = "\uFEFF订单1".getBytes(StandardCharsets.UTF_8);
    assertThat(d.decode(gbk, gbk.length, false))
        .extracting("text", "encoding")
        .containsExactly("安丘O1", "GB18030");
    LineDecoder.Decoded first = d.decode(utf, utf.length, true);
    assertThat(first.text()).isEqualTo("订单1");
    assertThat(first.bom()).isTrue();
    assertThat(first.encoding()).isEqualTo("UTF-8");
    byte[] bad = {(byte) 0x81, (byte) 0x20};
    assertThat(d.decode(bad, 2, false).text()).isNull();
    assertThat(d.decode(bad, 2, false).encoding()).isEqualTo("MALFORMED");
  }

  @Test
  void configuredCharsetIsStrict() {
    LineDecoder d = new LineDecoder("UTF-8");
    byte[] gbk = "中华".getBytes(Charset.forName("GBK"));
    assertThat(d.decode(gbk, gbk.length, false).text()).isNull();
    assertThat(new LineDecoder("GBK").decode(gbk, gbk.length, false).text()).isEqualTo("中华");
  }

  @Test
  void physicalLinesStripCarriageReturnAndKeepTheLastLine() throws Exception {
    PhysicalLines p =
        new PhysicalLines(
            new ByteArrayInputStream("a\r\n\r\n  \nb".getBytes(StandardCharsets.UTF_8)));
    List<String> out = new ArrayList<>();
    while (p.next()) {
      out.add(
          new String(p.bytes(), 0, p.length(), StandardCharsets.UTF_8)
              + (p.blank() ? "|blank" : ""));
    }
    assertThat(out).containsExactly("a", "|blank", "  |blank", "b");
  }

  @Test
  void lineLeftBlankByStrippingTheBomIsSkipped(@TempDir Path dir) throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] rest = " \n{\"event_id\":\"E1\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] text = new byte[bom.length + rest.length];
    System.arraycopy(bom, 0, text, 0, 3);
    System.arraycopy(rest, 0, text, 3, rest.length);
    Path f = dir.resolve("t.jsonl");
    Files.write(f, text);
    LandingFile lf =
        new LandingFile(
            f.toUri().toString(),
            "touchpoints/2014/t.jsonl",
            LandingSource.TOUCHPOINTS,
            text.length,
            0);
    List<Long> lines = new ArrayList<>();
    try (FileParser p =
        new FileParser(lf, null, "auto", "b1", 1, new Timestamp(0), Date.valueOf("2016-01-01"))) {
      p.forEachRemaining((Row r) -> lines.add(r.getLong(2)));
    }
    assertThat(lines).containsExactly(2L);
    LandingReader.Scan scan = LandingReader.scan(lf, "auto");
    assertThat(scan.dataLines()).isEqualTo(1);
    assertThat(scan.bom()).isTrue();
  }

  @Test
  void headerByNameIgnoresExtraColumnsAndRefusesMissingOnes() {
    Header h =
        Header.of(
            LandingSource.TARGETS,
            "master/targets.csv",
            "note, manager_code,year,month,target_cases");
    assertThat(h.width()).isEqualTo(5);
    assertThat(h.index()).containsExactly(2, 3, 1, 4);
    assertThatThrownBy(
            () -> Header.of(LandingSource.SALES, "sales/2014/s.csv", "order_id,line_no,order_date"))
        .hasMessageContaining("sales/2014/s.csv line 1")
        .hasMessageContaining("retailer_code, sku_code, qty_cartons, amount_yuan");
  }

  @Test
  void sourcesByPath() {
    assertThat(LandingSource.of("sales/2014/a.csv")).contains(LandingSource.SALES);
    assertThat(LandingSource.of("touchpoints/2014/a.jsonl")).contains(LandingSource.TOUCHPOINTS);
    assertThat(LandingSource.of("master/retailers.csv")).contains(LandingSource.RETAILERS);
    assertThat(LandingSource.of("README.md")).isEmpty();
    // hidden files (a leading dot) are ignored, as by a shell's * and Spark's file sources
    assertThat(LandingSource.of("sales/2014/.a.csv")).isEmpty();
    assertThat(LandingSource.of("touchpoints/2014/.a.jsonl")).isEmpty();
    assertThat(LandingSource.of("sales/2014/a.b.csv")).contains(LandingSource.SALES);
  }
}
