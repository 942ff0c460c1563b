package gridperf.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * The accepted master data a fact row is validated and credited against, small enough to broadcast:
 * grid → market type, managers, product → price class, and each retailer's versions sorted by
 * valid_from (valid_to = the next version's valid_from, exclusive).
 */
public record MasterData(
    Map<String, String> gridMarketType,
    java.util.Set<String> managers,
    Map<String, Integer> productPriceClass,
    Map<String, Version[]> retailers)
    implements Serializable {

  /** One accepted retailer version with what crediting needs. */
  public record Version(
      LocalDate validFrom,
      LocalDate validTo,
      String licenseStatus,
      String gridCode,
      String managerCode,
      String format,
      String scale,
      String marketType)
      implements Serializable {

    public boolean active() {
      return licenseStatus.equals("active");
    }
  }

  /** The version valid on {@code day}, or null when the retailer has none that day. */
  public Version versionOn(String retailerCode, LocalDate day) {
    Version[] vs = retailers.get(retailerCode);
    if (vs == null) {
      return null;
    }
    Version found = null;
    for (Version v : vs) {
      if (v.validFrom().isAfter(day)) {
        break;
      }
      found = v;
    }
    return found;
  }
}
