package gridperf.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Renders Spark values as text for scripts and people: decimals and doubles in plain notation
 * (never {@code 1.0E-4}), dates ISO, timestamps as {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in the
 * session time zone (what Spark itself shows), codes untouched, nested values as JSON.
 */
public final class Cells {
  private static final DateTimeFormatter TS =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
          .toFormatter();
  private final ZoneId zone;

  public Cells(ZoneId zone) {
    this.zone = zone;
  }

  /** True for types shown as numbers: right-aligned in tables, unquoted in JSON. */
  public static boolean numeric(DataType t) {
    return t instanceof NumericType;
  }

  /** The text of one value of type {@code t}; null stays null. */
  public String text(Object v, DataType t) {
    if (v == null) {
      return null;
    }
    if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
      StringBuilder sb = new StringBuilder();
      json(sb, v, t);
      return sb.toString();
    }
    return scalar(v, t);
  }

  /** Appends a value as JSON (numbers bare, NaN and infinities as strings, the rest quoted). */
  public void json(StringBuilder sb, Object v, DataType t) {
    if (v == null) {
      sb.append("null");
    } else if (t instanceof StructType st) {
      Row r = (Row) v;
      sb.append('{');
      StructField[] fs = st.fields();
      for (int i = 0; i < fs.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        quote(sb, fs[i].name());
        sb.append(':');
        json(sb, r.get(i), fs[i].dataType());
      }
      sb.append('}');
    } else if (t instanceof ArrayType at) {
      sb.append('[');
      int i = 0;
      for (Object e : list(v)) {
        if (i++ > 0) {
          sb.append(',');
        }
        json(sb, e, at.elementType());
      }
      sb.append(']');
    } else if (t instanceof MapType mt) {
      sb.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : map(v).entrySet()) {
        if (i++ > 0) {
          sb.append(',');
        }
        quote(sb, scalar(e.getKey(), mt.keyType()));
        sb.append(':');
        json(sb, e.getValue(), mt.valueType());
      }
      sb.append('}');
    } else {
      String s = scalar(v, t);
      boolean finite = !(s.equals("NaN") || s.endsWith("Infinity"));
      if (numeric(t) && finite) {
        sb.append(s);
      } else if (v instanceof Boolean) {
        sb.append(s);
      } else {
        quote(sb, s);
      }
    }
  }

  private String scalar(Object v, DataType t) {
    if (v instanceof BigDecimal bd) {
      return bd.toPlainString();
    }
    if (t instanceof DoubleType || v instanceof Double) {
      return plain(((Number) v).doubleValue(), Double.toString(((Number) v).doubleValue()));
    }
    if (t instanceof FloatType || v instanceof Float) {
      return plain(((Number) v).floatValue(), Float.toString(((Number) v).floatValue()));
    }
    if (t instanceof DecimalType && v instanceof scala.math.BigDecimal sbd) {
      return sbd.bigDecimal().toPlainString();
    }
    if (v instanceof java.sql.Timestamp ts) {
      return TS.format(ts.toInstant().atZone(zone));
    }
    if (v instanceof Instant i) {
      return TS.format(i.atZone(zone));
    }
    if (v instanceof LocalDateTime ldt) {
      return TS.format(ldt);
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    return v.toString();
  }

  private static String plain(double d, String javaText) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return javaText;
    }
    if (d == 0) {
      return "0";
    }
    return new BigDecimal(javaText).stripTrailingZeros().toPlainString();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object v) {
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    return CollectionConverters.asJava((scala.collection.Seq<Object>) v);
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> map(Object v) {
    if (v instanceof Map<?, ?> m) {
      return (Map<Object, Object>) m;
    }
    return CollectionConverters.asJava((scala.collection.Map<Object, Object>) v);
  }

  /**
   * Appends {@code s} as a JSON string, escaped as Python's json module does (Jupyter's notebook
   * files are written that way too).
   */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
