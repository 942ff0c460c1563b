package gridperf.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void chineseTakesTwoCellsSoColumnsStayAligned() {
    String text =
        new TextTable("code", "name", "value>")
            .add("M1", "张伟", "1.5")
            .add("M22", "Li", "10")
            .render("");
    assertThat(text).isEqualTo("code  name  value\nM1    张伟    1.5\nM22   Li       10\n");
    assertThat(TextTable.width("王记烟酒 ok")).isEqualTo(11);
  }

  @Test
  void numbersRoundHalfUpAndDropTrailingZeros() {
    assertThat(ManagerStatement.num(100.0 * 2 / 3, 2)).isEqualTo("66.67");
    assertThat(ManagerStatement.num(15.0, 2)).isEqualTo("15");
    assertThat(ManagerStatement.num(null, 2)).isEqualTo("NULL");
    assertThat(ManagerStatement.num(0.125, 2)).isEqualTo("0.13");
  }
}
