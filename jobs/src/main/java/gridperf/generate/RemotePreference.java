package gridperf.generate;

/**
 * Each retailer's lasting liking for phone or WeChat: 45 % of retailers prefer WeChat, the others
 * the phone, for the whole history (a stream of their own, so nothing else generated moves). On top
 * of the common phone and WeChat contacts, a retailer gets extra contacts on its preferred channel
 * each month: phone 0.6 a month, WeChat 0.9 a month once WeChat is in use (from 2013).
 */
final class RemotePreference {
  private static final long PREFERENCE_STREAM = 31;
  static final long EXTRA_STREAM = 32;

  private RemotePreference() {}

  /** "wechat" or "phone", fixed per retailer. */
  static String channel(long seed, int retailer) {
    return Rng.of(seed, PREFERENCE_STREAM, retailer).chance(0.45) ? "wechat" : "phone";
  }

  /** Mean extra contacts a month on {@code channel} in {@code year}. */
  static double extraPerMonth(String channel, int year) {
    if (channel.equals("phone")) {
      return 0.6;
    }
    return year >= 2013 ? 0.9 : 0.0;
  }
}
