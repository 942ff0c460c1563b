package gridperf.generate;

import gridperf.job.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Generated landing trees shared by the generator tests (made once per JVM) and file helpers. */
final class Landing {
  static final GenSpec CLEAN = new GenSpec(0.01, 2011, 2015, 7, 0);
  static final GenSpec DIRTY = new GenSpec(0.01, 2011, 2015, 7, 0.01);
  private static Path clean;
  private static Path clean1;
  private static Path dirty;

  private Landing() {}

  /** Scale 0.01, seed 7, written with 2 threads. */
  static synchronized Path clean() {
    if (clean == null) {
      clean = generate(CLEAN, 2);
    }
    return clean;
  }

  /** The same arguments as {@link #clean()}, written with 1 thread. */
  static synchronized Path cleanOneThread() {
    if (clean1 == null) {
      clean1 = generate(CLEAN, 1);
    }
    return clean1;
  }

  /** Scale 0.01, seed 7, dirty rate 0.01. */
  static synchronized Path dirty() {
    if (dirty == null) {
      dirty = generate(DIRTY, 2);
    }
    return dirty;
  }

  private static Path generate(GenSpec spec, int threads) {
    try {
      Path dir = Files.createTempDirectory("gridperf-gen");
      new Generator(spec, dir, Progress.silent("generate"), threads).run();
      return dir;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Relative paths of the files under {@code root/sub}, in code-point order. */
  static List<String> files(Path root, String sub) {
    try (Stream<Path> s = Files.walk(root.resolve(sub))) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path root, String rel) {
    try {
      return Files.readAllBytes(root.resolve(rel));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Physical lines (without terminator) decoded per the charset {@code auto}: BOM stripped, UTF-8
   * else GB18030.
   */
  static List<String> lines(Path root, String rel) {
    byte[] b = bytes(root, rel);
    int start = hasBom(b) ? 3 : 0;
    List<String> out = new ArrayList<>();
    int s = start;
    for (int i = start; i <= b.length; i++) {
      if (i == b.length || b[i] == '\n') {
        if (i == b.length && s == i) {
          break;
        }
        int e = i > s && b[i - 1] == '\r' ? i - 1 : i;
        out.add(decode(b, s, e - s));
        s = i + 1;
      }
    }
    return out;
  }

  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  static boolean validUtf8(byte[] b, int off, int len) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, off, len));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String decode(byte[] b, int off, int len) {
    return validUtf8(b, off, len)
        ? new String(b, off, len, StandardCharsets.UTF_8)
        : new String(b, off, len, Charset.forName("GB18030"));
  }

  /** RFC 4180 fields of one physical line, or null when a quote is left open. */
  static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        f.setLength(0);
      } else if (c == ',') {
        out.add(wasQuoted ? f.toString() : f.toString().strip());
        f.setLength(0);
        wasQuoted = false;
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(wasQuoted ? f.toString() : f.toString().strip());
    return out;
  }
}
