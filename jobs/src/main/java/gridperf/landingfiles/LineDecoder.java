package gridperf.landingfiles;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one physical line by the charset setting (docs/contract.md, Landing files). {@code auto}:
 * a leading UTF-8 BOM is stripped (first line only), a line that is valid UTF-8 is UTF-8, else
 * GB18030 when it decodes cleanly, else the line is undecodable ({@link #MALFORMED}). Any other
 * setting is a Java charset name applied strictly (an unmappable byte makes the line undecodable).
 * Not thread-safe: one instance per task.
 */
public final class LineDecoder {
  public static final String ASCII = "ASCII";
  public static final String UTF8 = "UTF-8";
  public static final String GB18030 = "GB18030";
  public static final String MALFORMED = "MALFORMED";

  /** A decoded line: its text (NULL when undecodable; then a lossy UTF-8 rendering in raw). */
  public record Decoded(String text, String raw, String encoding, boolean bom) {}

  private final boolean auto;
  private final CharsetDecoder primary;
  private final CharsetDecoder gb;
  private final String label;

  public LineDecoder(String setting) {
    this.auto = setting == null || setting.isBlank() || setting.equalsIgnoreCase("auto");
    Charset cs = auto ? StandardCharsets.UTF_8 : Charset.forName(setting.trim());
    this.primary = strict(cs);
    this.gb = strict(Charset.forName("GB18030"));
    this.label = auto ? null : cs.name();
  }

  private static CharsetDecoder strict(Charset cs) {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The length of the leading UTF-8 BOM this setting strips from a line: 3, or 0 without one. */
  public int bomLength(byte[] b, int len, boolean firstLine) {
    return firstLine
            && (auto || label.equals("UTF-8"))
            && len >= 3
            && (b[0] & 0xFF) == 0xEF
            && (b[1] & 0xFF) == 0xBB
            && (b[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  /** Decodes bytes [0, len) of one line (without its line break). */
  public Decoded decode(byte[] b, int len, boolean firstLine) {
    int start = bomLength(b, len, firstLine);
    boolean bom = start > 0;
    if (auto && isAscii(b, start, len)) {
      String s = new String(b, start, len - start, StandardCharsets.ISO_8859_1);
      return new Decoded(s, s, ASCII, bom);
    }
    String s = tryDecode(primary, b, start, len);
    if (s != null) {
      return new Decoded(s, s, auto ? UTF8 : label, bom);
    }
    if (auto) {
      s = tryDecode(gb, b, start, len);
      if (s != null) {
        return new Decoded(s, s, GB18030, bom);
      }
    }
    String lossy = new String(b, start, len - start, StandardCharsets.UTF_8);
    return new Decoded(null, lossy, MALFORMED, bom);
  }

  private static boolean isAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static String tryDecode(CharsetDecoder d, byte[] b, int from, int to) {
    try {
      d.reset();
      CharBuffer cb = d.decode(ByteBuffer.wrap(b, from, to - from));
      return cb.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
