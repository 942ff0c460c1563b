package gridperf.generate;

import gridperf.job.Progress;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a landing tree (docs/contract.md, Landing files): master snapshots, weekly sales files,
 * monthly touchpoint and inspection files, and with a dirty rate the injected faults and {@code
 * manifest.json}. Files are generated in parallel, one task per file; every task draws from random
 * streams keyed by what it generates, so the bytes never depend on the number of threads.
 */
public final class Generator {
  private static final Charset GBK = Charset.forName("GB18030");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String SALES_HEADER =
      "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons,amount_yuan";
  private static final String[] REMARKS = {"节前备货", "春节促销", "常规订单", "新品试销", "", "补货"};

  /** What was written. */
  public record Summary(
      int grids,
      int managers,
      int products,
      int retailers,
      int retailerVersions,
      long salesRows,
      long touchpoints,
      long inspections,
      long files,
      long faultRows) {}

  private final GenSpec spec;
  private final Path root;
  private final Progress progress;
  private final int threads;
  private final double gamingRate;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong files = new AtomicLong();

  public Generator(GenSpec spec, Path root, Progress progress, int threads) {
    this(spec, root, progress, threads, 0);
  }

  /**
   * With planted gaming: a share {@code gamingRate} of managers games (see {@link GamingModel}).
   */
  public Generator(GenSpec spec, Path root, Progress progress, int threads, double gamingRate) {
    if (!(gamingRate >= 0) || gamingRate > 1) {
      throw new IllegalArgumentException("--gaming-rate must be in [0, 1], got " + gamingRate);
    }
    this.gamingRate = gamingRate;
    this.spec = spec;
    this.root = root;
    this.progress = progress;
    this.threads = Math.max(1, threads);
  }

  private record FileResult(
      String path, int lines, long clean, List<Fault.At> at, List<Fault.Carry> carries) {}

  public Summary run() throws Exception {
    progress.step("master data");
    Master m = Master.build(spec);
    Retailers rs = RetailerHistory.build(spec, m);
    Days days = new Days(spec);
    GamingModel gaming = new GamingModel(spec, m, rs, days, gamingRate);
    write("master/grids.csv", MasterFiles.grids(m), null, false);
    write("master/managers.csv", MasterFiles.managers(m), null, false);
    write("master/products.csv", MasterFiles.products(m), null, false);
    write("master/retailers.csv", MasterFiles.retailers(m, rs), null, false);
    PilotModel pilots = new PilotModel(m, days);
    write("master/pilots.csv", pilots.csv(), null, false);
    Manifest manifest = new Manifest();
    manifest.pilots = pilots.json();
    long[][] cartons = new long[m.managers.size()][days.months()];
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "generate");
              t.setDaemon(true);
              return t;
            });
    try {
      progress.step("sales");
      List<int[]> weeks = days.weeks();
      SalesModel sales = new SalesModel(spec, m, rs, days);
      sales.gaming = gaming;
      SalesFaults sf = new SalesFaults(spec, weeks);
      List<Callable<FileResult>> tasks = new ArrayList<>();
      for (int w = 0; w < weeks.size(); w++) {
        int week = w;
        tasks.add(() -> salesFile(week, weeks.get(week), rs, sales, sf, cartons, gaming));
      }
      List<FileResult> sr = runAll(pool, tasks, "sales");
      progress.step("touchpoints");
      TouchpointModel tm = new TouchpointModel(spec, m, rs, days);
      TouchpointFaults tf = new TouchpointFaults(spec, m, rs, days);
      tasks.clear();
      for (int mi = 0; mi < days.months(); mi++) {
        int month = mi;
        tasks.add(() -> touchpointFile(month, days, rs, tm, tf, gaming));
      }
      List<FileResult> tr = runAll(pool, tasks, "touchpoints");
      manifest.cleanSales = appendCarries(sr, manifest);
      manifest.cleanTouchpoints = appendCarries(tr, manifest);
      progress.step("inspections");
      InspectionModel im = new InspectionModel(spec, m, rs, days);
      InspectionFaults inf = new InspectionFaults(spec, days.months(), rs);
      tasks.clear();
      for (int mi = 0; mi < days.months(); mi++) {
        int month = mi;
        tasks.add(() -> inspectionFile(month, days, im, inf));
      }
      manifest.cleanInspections = appendCarries(runAll(pool, tasks, "inspections"), manifest);
    } finally {
      pool.shutdownNow();
    }
    if (spec.dirty()) {
      LateFiles late = new LateFiles(spec, m, rs, days);
      List<String> ls = late.sales();
      write(late.salesPath(), ls, SALES_HEADER, false);
      ls.forEach(x -> manifest.add(new Fault.At(Fault.LATE_FILE, late.salesPath(), 0)));
      List<String> lt = late.touchpoints();
      write(late.touchpointPath(), lt, null, false);
      lt.forEach(x -> manifest.add(new Fault.At(Fault.TP_LATE_FILE, late.touchpointPath(), 0)));
    }
    progress.step("targets");
    write("master/targets.csv", MasterFiles.targets(spec, m, days, cartons), null, false);
    String json = manifest.json(spec);
    String planted = gaming.manifestEntries();
    if (!planted.isEmpty()) {
      // the manifest's last member gains a comma, then the gaming members close the object
      String body = json.substring(0, json.length() - "\n}\n".length());
      json = body + ",\n" + planted + "}\n";
    }
    Files.write(root.resolve("manifest.json"), json.getBytes(StandardCharsets.UTF_8));
    long faults = 0;
    for (Fault f : Fault.values()) {
      faults += manifest.count(f);
    }
    return new Summary(
        m.grids.size(),
        m.managers.size(),
        m.products.size(),
        rs.count,
        rs.versions,
        manifest.cleanSales,
        manifest.cleanTouchpoints,
        manifest.cleanInspections,
        files.get() + 1,
        faults);
  }

  private List<FileResult> runAll(
      ExecutorService pool, List<Callable<FileResult>> tasks, String stage) throws Exception {
    List<Future<FileResult>> futures = new ArrayList<>();
    for (Callable<FileResult> t : tasks) {
      futures.add(
          pool.submit(
              () -> {
                FileResult r = t.call();
                progress.rows(stage, written.addAndGet(r.lines()));
                return r;
              }));
    }
    List<FileResult> out = new ArrayList<>();
    for (Future<FileResult> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  private FileResult salesFile(
      int w,
      int[] chunk,
      Retailers rs,
      SalesModel model,
      SalesFaults sf,
      long[][] cartons,
      GamingModel gaming)
      throws IOException {
    List<String> clean = new ArrayList<>();
    long[][] mine = new long[cartons.length][cartons[0].length];
    for (int r = 0; r < rs.count; r++) {
      model.order(r, w, chunk[0], chunk[1], clean, mine);
      gaming.tokenOrders(r, chunk[0], chunk[1], clean, mine);
    }
    synchronized (cartons) {
      for (int i = 0; i < mine.length; i++) {
        for (int j = 0; j < mine[i].length; j++) {
          cartons[i][j] += mine[i][j];
        }
      }
    }
    String day = java.time.LocalDate.ofEpochDay(chunk[0]).toString();
    String path = "sales/" + day.substring(0, 4) + "/sales-" + day + ".csv";
    List<Fault.At> at = new ArrayList<>();
    List<Fault.Carry> carries = new ArrayList<>();
    List<String> lines = sf.inject(w, clean, path, at, carries);
    if (sf.gbk(w)) {
      Rng rng = Rng.of(spec.seed(), 10, w);
      List<String> remarked = new ArrayList<>(lines.size());
      for (String l : lines) {
        remarked.add(l + "," + REMARKS[rng.nextInt(REMARKS.length)]);
      }
      writeBytes(path, text(SALES_HEADER + ",remark", remarked).getBytes(GBK));
      for (int i = 0; i < lines.size(); i++) {
        at.add(new Fault.At(Fault.GBK_FILE, path, i + 2));
      }
    } else {
      write(path, lines, SALES_HEADER, sf.bom(w));
      if (sf.bom(w)) {
        for (int i = 0; i < lines.size(); i++) {
          at.add(new Fault.At(Fault.BOM_FILE, path, i + 2));
        }
      }
    }
    return new FileResult(path, lines.size() + 1, clean.size(), at, carries);
  }

  private FileResult touchpointFile(
      int mi,
      Days days,
      Retailers rs,
      TouchpointModel model,
      TouchpointFaults tf,
      GamingModel gaming)
      throws IOException {
    List<TouchpointModel.Event> events = new ArrayList<>();
    for (int r = 0; r < rs.count; r++) {
      model.month(r, mi, events);
    }
    events.sort(java.util.Comparator.comparing(TouchpointModel.Event::key));
    events = gaming.visits(mi, events);
    String ym = java.time.LocalDate.ofEpochDay(days.month(mi)[0]).toString().substring(0, 7);
    String path = "touchpoints/" + ym.substring(0, 4) + "/touchpoints-" + ym + ".jsonl";
    List<Fault.At> at = new ArrayList<>();
    List<Fault.Carry> carries = new ArrayList<>();
    List<String> lines = tf.inject(mi, events, path, at, carries);
    write(path, lines, null, tf.bom(mi));
    if (tf.bom(mi)) {
      for (int i = 0; i < lines.size(); i++) {
        at.add(new Fault.At(Fault.TP_BOM_FILE, path, i + 1));
      }
    }
    return new FileResult(path, lines.size(), events.size(), at, carries);
  }

  private FileResult inspectionFile(int mi, Days days, InspectionModel model, InspectionFaults inf)
      throws IOException {
    List<String> clean = new ArrayList<>();
    model.month(mi).forEach(r -> clean.add(r.line()));
    String ym = java.time.LocalDate.ofEpochDay(days.month(mi)[0]).toString().substring(0, 7);
    String path = "inspections/" + ym.substring(0, 4) + "/inspections-" + ym + ".csv";
    List<Fault.At> at = new ArrayList<>();
    List<String> lines = inf.inject(mi, clean, path, at);
    write(path, lines, InspectionModel.HEADER, false);
    return new FileResult(path, lines.size() + 1, clean.size(), at, List.of());
  }

  /** Second pass: appends carried rows to their target files; returns the clean row total. */
  private long appendCarries(List<FileResult> results, Manifest manifest) throws IOException {
    long clean = 0;
    List<List<Fault.Carry>> byTarget = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      byTarget.add(new ArrayList<>());
    }
    for (FileResult r : results) {
      clean += r.clean();
      manifest.addAll(r.at());
      for (Fault.Carry c : r.carries()) {
        byTarget.get(c.target()).add(c);
      }
    }
    for (int t = 0; t < results.size(); t++) {
      List<Fault.Carry> cs = byTarget.get(t);
      if (cs.isEmpty()) {
        continue;
      }
      FileResult target = results.get(t);
      List<String> lines = new ArrayList<>();
      for (int k = 0; k < cs.size(); k++) {
        lines.add(cs.get(k).line());
        manifest.add(new Fault.At(cs.get(k).fault(), target.path(), target.lines() + k + 1));
      }
      Files.write(
          root.resolve(target.path()),
          text(null, lines).getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.APPEND);
    }
    return clean;
  }

  private void write(String rel, List<String> lines, String header, boolean bom)
      throws IOException {
    byte[] body = text(header, lines).getBytes(StandardCharsets.UTF_8);
    if (bom) {
      byte[] b = new byte[body.length + 3];
      System.arraycopy(BOM, 0, b, 0, 3);
      System.arraycopy(body, 0, b, 3, body.length);
      body = b;
    }
    writeBytes(rel, body);
  }

  private void writeBytes(String rel, byte[] bytes) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    files.incrementAndGet();
  }

  private static String text(String header, List<String> lines) {
    int size = header == null ? 0 : header.length() + 1;
    for (String l : lines) {
      size += l.length() + 1;
    }
    StringBuilder b = new StringBuilder(size);
    if (header != null) {
      b.append(header).append('\n');
    }
    for (String l : lines) {
      b.append(l).append('\n');
    }
    return b.toString();
  }
}
