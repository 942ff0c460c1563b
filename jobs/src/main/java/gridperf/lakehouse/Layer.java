package gridperf.lakehouse;

/** The lake's layers; a table lives at {@code <lake>/<layer>/<table>}. */
public enum Layer {
  BRONZE,
  SILVER,
  GOLD,
  AUDIT;

  /** The folder name of the layer. */
  public String dir() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
