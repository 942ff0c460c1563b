package gridperf.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Spoils a weekly sales file: about {@code rate × rows} of its rows get a fault, split evenly over
 * {@link Fault#SALES_ROWS}. Each bad row is built from a clean row of the file so that exactly one
 * rule breaks (the reason code the manifest claims): new keys in the {@code D…} namespace for the
 * quarantined kinds, distinct clean rows for duplicates and corrections. Duplicates land later in
 * the same file or in the next file; corrections in the next file. The GBK and BOM files carry no
 * faults, and nothing is carried into the GBK file.
 */
final class SalesFaults {
  private final GenSpec spec;
  private final int files;
  private final int gbk;
  private final int bom;
  private final int[] forced = new int[Fault.SALES_ROWS.length];

  SalesFaults(GenSpec spec, List<int[]> weeks) {
    this.spec = spec;
    this.files = weeks.size();
    this.gbk = files / 3;
    this.bom = Math.min(files - 1, 2 * files / 3);
    List<Integer> full = new ArrayList<>();
    for (int w = 0; w < files; w++) {
      int[] c = weeks.get(w);
      if (c[1] - c[0] == 6 && injectable(w) && carryTarget(w) >= 0) {
        full.add(w);
      }
    }
    for (int k = 0; k < forced.length; k++) {
      forced[k] = full.isEmpty() ? -1 : full.get((k * 7 + full.size() / 2) % full.size());
    }
  }

  boolean gbk(int w) {
    return spec.dirty() && w == gbk;
  }

  boolean bom(int w) {
    return spec.dirty() && w == bom && w != gbk;
  }

  boolean injectable(int w) {
    return spec.dirty() && w != gbk && w != bom;
  }

  /** The later file that receives this file's carried rows, or -1. */
  int carryTarget(int w) {
    int t = w + 1 == gbk ? w + 2 : w + 1;
    return t < files ? t : -1;
  }

  /** The file's rows with faults inserted; records injected rows and carries. */
  List<String> inject(
      int w, List<String> clean, String path, List<Fault.At> at, List<Fault.Carry> carries) {
    int n = clean.size();
    if (!injectable(w) || n == 0) {
      return clean;
    }
    Rng rng = Rng.of(spec.seed(), 6, w);
    boolean[] picked = new boolean[n];
    List<FaultInserts.Insert> ins = new ArrayList<>();
    int target = carryTarget(w);
    int seq = 0;
    for (int k = 0; k < Fault.SALES_ROWS.length; k++) {
      Fault f = Fault.SALES_ROWS[k];
      int count =
          (int) Math.floor(n * spec.dirtyRate() / Fault.SALES_ROWS.length + rng.nextDouble());
      if (w == forced[k]) {
        count = Math.max(1, count);
      }
      for (int i = 0; i < count; i++) {
        int j = rng.nextInt(n);
        String[] x = clean.get(j).split(",", -1);
        switch (f) {
          case DUPLICATE, CORRECTION -> {
            j = FaultInserts.unpicked(picked, j);
            if (j < 0 || (f == Fault.CORRECTION && target < 0)) {
              continue;
            }
            picked[j] = true;
            if (f == Fault.CORRECTION) {
              carries.add(new Fault.Carry(target, corrected(clean.get(j).split(",", -1), rng), f));
            } else if (target >= 0 && rng.chance(0.5)) {
              carries.add(new Fault.Carry(target, clean.get(j), f));
            } else {
              ins.add(new FaultInserts.Insert(rng.between(j, n - 1), seq++, clean.get(j), f));
            }
          }
          default -> {
            x[0] = String.format("D%04d%05d", w, seq);
            x[1] = "1";
            ins.add(new FaultInserts.Insert(rng.nextInt(n), seq++, spoil(f, x, rng), f));
          }
        }
      }
    }
    return FaultInserts.interleave(clean, ins, path, 1, at);
  }

  /** A row of 7 fields (order_id, line_no, order_date, retailer, sku, qty, amount), spoiled. */
  private static String spoil(Fault f, String[] x, Rng rng) {
    switch (f) {
      case WRONG_COLUMN_COUNT -> {
        return String.join(",", x[0], x[1], x[2], x[3], x[4], x[5]);
      }
      case UNCLOSED_QUOTE -> {
        return '"' + String.join(",", x);
      }
      case NON_NUMERIC_AMOUNT -> x[6] = x[6].replace('0', 'O');
      case BAD_DATE -> x[2] = x[2].substring(0, 4) + "-02-30";
      case UNKNOWN_RETAILER -> x[3] = String.format("370799%06d", rng.nextInt(1_000_000));
      case UNKNOWN_SKU -> x[4] = String.format("99%06d", rng.nextInt(1_000_000));
      default -> throw new IllegalArgumentException(f.name());
    }
    return String.join(",", x);
  }

  /** Same key, date, retailer and SKU; other cartons (same sign) and the matching amount. */
  private static String corrected(String[] x, Rng rng) {
    long qty = Long.parseLong(x[5]);
    long cents = Math.round(Double.parseDouble(x[6]) * 100);
    long price = cents / qty;
    long q2 = qty > 0 ? qty + rng.between(1, 3) : qty - 1;
    x[5] = Long.toString(q2);
    x[6] = Text.yuan(q2 * price);
    return String.join(",", x);
  }
}
