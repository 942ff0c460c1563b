package gridperf.config;

import com.typesafe.config.Config;
import java.util.Set;

/**
 * The fair-scoring settings of the scoring file (top-level keys {@code missing}, {@code
 * min_peer_group}, {@code min_assigned_days}, {@code bonus_prorate}); their defaults leave the
 * scorecard as docs/scoring.md's base rules give it.
 *
 * @param reweight {@code missing = reweight}: a NULL component is left out of the composite instead
 *     of scoring 0
 * @param minPeerGroup a market type with fewer eligible managers in the year is scored against
 *     every eligible manager of the year (peer group {@code all})
 * @param minAssignedDays a manager assigned on fewer distinct days of the year is not eligible
 * @param bonusProrate bonus × assigned days / days of the year inside the data range
 */
public record FairScoring(
    boolean reweight, int minPeerGroup, int minAssignedDays, boolean bonusProrate) {
  /** The top-level keys this record reads. */
  public static final Set<String> KEYS =
      Set.of("missing", "min_peer_group", "min_assigned_days", "bonus_prorate");

  /** The defaults: NULL scores 0, every group is a peer group, everyone eligible, no pro-rating. */
  public static final FairScoring DEFAULTS = new FairScoring(false, 1, 0, false);

  /**
   * Reads the settings (each optional, defaulting as {@link #DEFAULTS}); errors name key and file.
   */
  public static FairScoring parse(Config c, String src) {
    boolean reweight = false;
    if (c.hasPath("missing")) {
      String m = c.getString("missing");
      if (!m.equals("zero") && !m.equals("reweight")) {
        throw new ConfigException(
            "scoring file " + src + ": missing must be zero or reweight, got '" + m + "'");
      }
      reweight = m.equals("reweight");
    }
    int minPeers = c.hasPath("min_peer_group") ? c.getInt("min_peer_group") : 1;
    if (minPeers < 1) {
      throw new ConfigException(
          "scoring file " + src + ": min_peer_group must be at least 1, got " + minPeers);
    }
    int minDays = c.hasPath("min_assigned_days") ? c.getInt("min_assigned_days") : 0;
    if (minDays < 0 || minDays > 366) {
      throw new ConfigException(
          "scoring file " + src + ": min_assigned_days must be within 0..366, got " + minDays);
    }
    boolean prorate = c.hasPath("bonus_prorate") && c.getBoolean("bonus_prorate");
    return new FairScoring(reweight, minPeers, minDays, prorate);
  }

  /** True when every setting is at its default. */
  public boolean isDefault() {
    return equals(DEFAULTS);
  }
}
