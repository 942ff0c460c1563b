package gridperf.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Field rules of a touchpoint (docs/contract.md, Field rules) in reason-code order. Required:
 * event_id (the key), ts, retailer_code, channel. Optional: manager_code (unknown →
 * UNKNOWN_MANAGER), satisfaction (integer value 1..5), complaint (resolved_ts ISO-8601, not before
 * ts). Not validated: duration_min and MOT scores (a non-number is missing). Credited
 * (docs/contract.md, Crediting) by the retailer version of the business date, which must exist (any
 * license status). JSON null is the same as absent.
 */
final class TouchpointRules {
  static final Set<String> CHANNELS =
      Values.ordered("visit", "phone", "wechat", "complaint", "delivery", "training");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Duration DAY = Duration.ofHours(24);

  private TouchpointRules() {}

  static Object[] typed(String text, MasterData m, LocalDate asOf, ZoneId zone)
      throws Reason.Reject {
    JsonNode o;
    try {
      o = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw Reason.MALFORMED.reject("invalid JSON: " + e.getOriginalMessage());
    }
    if (o == null || !o.isObject()) {
      throw Reason.MALFORMED.reject("line is not a JSON object");
    }
    // an object or array where a scalar belongs is valid JSON, not MALFORMED: it is read as its
    // JSON text (as Spark's JSON reader reads it into a string column) and the column's own rule
    // judges it (MISSING_KEY first, then BAD_DATE for ts, OUT_OF_RANGE for channel, UNKNOWN_*)
    String eventId = text(o, "event_id");
    String tsText = text(o, "ts");
    String retailerText = text(o, "retailer_code");
    String manager = text(o, "manager_code");
    String channelText = text(o, "channel");
    JsonNode complaint = o.get("complaint");
    boolean hasComplaint = complaint != null && complaint.isObject();
    String category = hasComplaint ? text(complaint, "category") : null;
    if (eventId == null) {
      throw Reason.MISSING_KEY.reject("event_id is missing");
    }
    Instant ts = Values.timestamp("ts", Values.required("ts", tsText), zone);
    String retailer = Values.required("retailer_code", retailerText);
    String channel = Values.required("channel", channelText);
    Double duration = number(o.get("duration_min"));
    JsonNode mot = o.get("mot");
    JsonNode satisfaction = o.get("satisfaction");
    Instant resolved = null;
    if (hasComplaint) {
      JsonNode r = complaint.get("resolved_ts");
      // an empty or blank string is missing, as for every touchpoint field (docs/ingest.md)
      if (r != null && !r.isNull() && !(r.isTextual() && r.asText().trim().isEmpty())) {
        if (!r.isTextual()) {
          throw Reason.BAD_DATE.reject("complaint.resolved_ts is not a date-time: " + r);
        }
        resolved = Values.timestamp("complaint.resolved_ts", r.asText(), zone);
      }
    }
    LocalDate day = ts.atZone(zone).toLocalDate();
    Values.dateInRange("business date of ts", day, asOf);
    Values.oneOf("channel", channel, CHANNELS);
    Integer sat = satisfaction(satisfaction);
    if (resolved != null && resolved.isBefore(ts)) {
      throw Reason.OUT_OF_RANGE.reject("complaint.resolved_ts is before ts");
    }
    if (!m.retailers().containsKey(retailer)) {
      throw Reason.UNKNOWN_RETAILER.reject("retailer_code " + retailer + " has no version");
    }
    if (manager != null && !m.managers().contains(manager)) {
      throw Reason.UNKNOWN_MANAGER.reject(
          "manager_code " + manager + " is not in master/managers.csv");
    }
    MasterData.Version v = m.versionOn(retailer, day);
    if (v == null) {
      throw Reason.NO_RETAILER_VERSION.reject("retailer " + retailer + " has no version on " + day);
    }
    Boolean within24h = null;
    if (channel.equals("complaint")) {
      within24h = resolved != null && Duration.between(ts, resolved).compareTo(DAY) <= 0;
    }
    boolean moted = mot != null && mot.isObject();
    return new Object[] {
      eventId,
      Timestamp.from(ts),
      Date.valueOf(day),
      retailer,
      manager,
      channel,
      duration,
      moted ? number(mot.get("appearance")) : null,
      moted ? number(mot.get("behaviour")) : null,
      moted ? number(mot.get("communication")) : null,
      sat,
      category,
      resolved == null ? null : Timestamp.from(resolved),
      within24h,
      Date.valueOf(v.validFrom()),
      v.gridCode(),
      v.managerCode(),
      v.format(),
      v.marketType(),
      v.scale(),
      day.getYear(),
      day.getMonthValue()
    };
  }

  /**
   * A field as text: a string as it is, a number or boolean as its JSON text, an object or array as
   * its compact JSON text; null, absent or empty is null.
   */
  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    String s = n.isContainerNode() ? n.toString() : n.asText();
    return s.isEmpty() ? null : s;
  }

  private static Double number(JsonNode n) {
    return n != null && n.isNumber() ? n.doubleValue() : null;
  }

  private static Integer satisfaction(JsonNode n) throws Reason.Reject {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      // as a double: a number beyond a double's range reads as Infinity and fails the range
      double d = n.doubleValue();
      if (d >= 1 && d <= 5 && d == Math.rint(d)) {
        return (int) d;
      }
    }
    throw Reason.OUT_OF_RANGE.reject("satisfaction is not an integer 1..5: " + n);
  }
}
