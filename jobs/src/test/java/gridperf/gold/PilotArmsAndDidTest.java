package gridperf.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gridperf.gold.DidEstimate.GridValues;
import gridperf.gold.PilotArms.Listed;
import gridperf.gold.PilotArms.Member;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of pilot_effect: windows, arms (automatic controls) and the estimate. */
class PilotArmsAndDidTest {
  private static final YearMonth JAN = YearMonth.of(2014, 1);
  private static final YearMonth APR = YearMonth.of(2014, 4);

  @Test
  void tQuantilesMatchATable() {
    // a t table's 0.975 column
    assertThat(DidEstimate.tQuantile975(1)).isCloseTo(12.7062047361747, within(1e-11));
    assertThat(DidEstimate.tQuantile975(2)).isCloseTo(4.30265272974946, within(1e-12));
    assertThat(DidEstimate.tQuantile975(3)).isCloseTo(3.18244630528371, within(1e-12));
    assertThat(DidEstimate.tQuantile975(10)).isCloseTo(2.22813885198627, within(1e-12));
    assertThat(DidEstimate.tQuantile975(1000)).isCloseTo(1.96233908082641, within(1e-12));
  }

  @Test
  void estimateOfTwoByTwoByHand() {
    // Δ pilot 0.5, 1 (mean 0.75, s² 0.125); Δ control −0.5, 0 (mean −0.25, s² 0.125)
    DidEstimate e =
        DidEstimate.of(
            List.of(new GridValues(0.5, 1), new GridValues(0, 1)),
            List.of(new GridValues(1, 0.5), new GridValues(0.5, 0.5)));
    assertThat(e.did()).isEqualTo(1.0);
    assertThat(e.se()).isCloseTo(Math.sqrt(0.125), within(1e-15));
    assertThat(e.df()).isEqualTo(1);
    assertThat(e.ciLow()).isCloseTo(1 - 12.7062047361747 * Math.sqrt(0.125), within(1e-11));
    assertThat(e.significant()).isFalse();
    assertThat(List.of(e.pilotPre(), e.pilotPost(), e.controlPre(), e.controlPost()))
        .containsExactly(0.25, 1.0, 0.75, 0.5);
  }

  @Test
  void oneGridInAnArmLeavesSeAndIntervalNullAndZeroSeLeavesSignificantNull() {
    DidEstimate one =
        DidEstimate.of(
            List.of(new GridValues(1, 3)), List.of(new GridValues(2, 3), new GridValues(2, 2)));
    assertThat(one.did()).isEqualTo(1.5);
    assertThat(one.se()).isNull();
    assertThat(one.df()).isNull();
    assertThat(one.tCrit()).isNull();
    assertThat(one.significant()).isNull();
    DidEstimate flat =
        DidEstimate.of(
            List.of(new GridValues(1, 1), new GridValues(1, 1)),
            List.of(new GridValues(1, 1), new GridValues(1, 1)));
    assertThat(flat.se()).isZero();
    assertThat(flat.ciLow()).isZero();
    assertThat(flat.significant()).isNull();
    DidEstimate none = DidEstimate.of(List.of(), List.of(new GridValues(1, 1)));
    assertThat(none.did()).isNull();
    assertThat(none.pilotPre()).isNull();
    assertThat(none.nPilot()).isZero();
  }

  @Test
  void windowsAreLMonthsBeforeAndFromStartCutAtTheRangeEnd() {
    Map<String, PilotArms.Window> w =
        PilotArms.windows(
            List.of(
                new Listed("P1", "G1", "pilot", "2014-03", "2014-04"),
                new Listed("P2", "G1", "pilot", "2014-04", "2014-06"),
                new Listed("P3", "G1", "pilot", "2014-05", "2014-06"),
                new Listed("P4", "G1", "pilot", "2013-10", "2013-12")),
            JAN,
            APR);
    assertThat(w).containsOnlyKeys("P1", "P2");
    assertThat(w.get("P1"))
        .isEqualTo(
            new PilotArms.Window(
                "P1", JAN, YearMonth.of(2014, 2), YearMonth.of(2014, 3), APR, "complete"));
    assertThat(w.get("P2"))
        .isEqualTo(new PilotArms.Window("P2", JAN, YearMonth.of(2014, 3), APR, APR, "running"));
  }

  @Test
  void automaticControlsAreUnlistedGridsOfThePilotMarketTypesInNoPilotArm() {
    Map<String, String> markets =
        Map.of(
            "G1", "urban", "G2", "urban", "G3", "rural", "G4", "town", "G5", "urban", "G6",
            "urban");
    List<Member> m =
        PilotArms.members(
            List.of(
                new Listed("P1", "G1", "pilot", "2014-03", "2014-03"),
                new Listed("P2", "G2", "pilot", "2014-06", "2014-07"),
                new Listed("P3", "G4", "pilot", "2014-06", "2014-07"),
                new Listed("P3", "G6", "control", "2014-06", "2014-07")),
            markets);
    assertThat(m.stream().filter(x -> x.pilotId().equals("P1")))
        .containsExactly(
            new Member("P1", "G1", "pilot"),
            new Member("P1", "G5", "control"),
            new Member("P1", "G6", "control"));
    assertThat(m.stream().filter(x -> x.pilotId().equals("P3")))
        .containsExactly(new Member("P3", "G4", "pilot"), new Member("P3", "G6", "control"));
  }
}
