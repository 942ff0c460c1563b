package gridperf.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The faulty lines a fault injector puts into one clean file, and how they go in: each after a
 * drawn clean line, in draw order among those after the same line, and recorded with the physical
 * line number it ends up on.
 */
final class FaultInserts {
  /** One faulty line to put after clean line {@code after}; {@code seq} keeps the draw order. */
  record Insert(int after, int seq, String line, Fault fault) {}

  private FaultInserts() {}

  /**
   * The clean lines with the inserts among them; each insert's location goes to {@code at} as
   * {@code path} and its line number, counted from 1 with {@code headerLines} lines before the
   * records (1 for a CSV with its header, 0 for JSON lines).
   */
  static List<String> interleave(
      List<String> clean, List<Insert> ins, String path, int headerLines, List<Fault.At> at) {
    List<Insert> sorted = new ArrayList<>(ins);
    sorted.sort(Comparator.comparingInt(Insert::after).thenComparingInt(Insert::seq));
    List<String> out = new ArrayList<>(clean.size() + sorted.size());
    int p = 0;
    for (int i = 0; i < clean.size(); i++) {
      out.add(clean.get(i));
      while (p < sorted.size() && sorted.get(p).after() == i) {
        out.add(sorted.get(p).line());
        at.add(new Fault.At(sorted.get(p).fault(), path, out.size() + headerLines));
        p++;
      }
    }
    return out;
  }

  /** The first index from {@code j} on, wrapping round, that is not picked yet; -1 when none. */
  static int unpicked(boolean[] picked, int j) {
    for (int k = 0; k < picked.length; k++) {
      int i = (j + k) % picked.length;
      if (!picked[i]) {
        return i;
      }
    }
    return -1;
  }
}
