package gridperf.generate;

import gridperf.generate.Master.Product;
import java.util.List;

/**
 * Cigarette SKUs over the five price classes (wholesale carton prices in yuan: class 1 ≥ 130, class
 * 2 70–130, class 3 30–70, class 4 16.5–30, class 5 below 16.5). About 300 SKUs at scale ≥ 1;
 * smaller scales keep at least 60 so every class has several.
 */
final class Products {
  private static final String[] BRANDS =
      "泰山 将军 中华 玉溪 黄鹤楼 芙蓉王 利群 云烟 红塔山 白沙 红河 南京 苏烟 钻石 七匹狼 好猫 红金龙 黄山 双喜 娇子 长白山 真龙 贵烟 哈德门".split(" ");
  private static final String[] VARIANTS =
      "硬 软 精品 细支 红 蓝 金 紫 新版 典藏 珍品 记忆 大红袍 青 白 银 中支 喜 福 和谐".split(" ");
  // share of SKUs per class 1..5 and price range in yuan per carton
  private static final double[] SHARE = {0.16, 0.22, 0.30, 0.20, 0.12};
  private static final double[][] RANGE = {
    {130, 650}, {70, 129}, {30, 69}, {16.5, 29.9}, {10, 16.4}
  };

  private Products() {}

  static void build(GenSpec spec, Rng rng, List<Product> out) {
    int n = (int) Math.round(Math.max(60, Math.min(300, 300 * spec.scale())));
    int[] perClass = new int[5];
    int assigned = 0;
    for (int c = 0; c < 5; c++) {
      perClass[c] = Math.max(2, (int) Math.round(n * SHARE[c]));
      assigned += perClass[c];
    }
    perClass[2] += Math.max(0, n - assigned);
    int serial = 0;
    for (int c = 0; c < 5; c++) {
      for (int k = 0; k < perClass[c]; k++) {
        int brand = rng.nextInt(BRANDS.length);
        String variant = VARIANTS[(serial * 7 + k) % VARIANTS.length];
        double lo = RANGE[c][0];
        double hi = RANGE[c][1];
        // prices cluster at the bottom of each class, as in real catalogues
        double u = rng.nextDouble();
        double price = lo + (hi - lo) * u * u;
        long cents = Math.round(price * 10) * 10; // whole dimes
        String code = String.format("%08d", 1_000 + serial * 37 + brand);
        String name = BRANDS[brand] + "(" + variant + ")";
        out.add(new Product(code, name, BRANDS[brand], c + 1, cents));
        serial++;
      }
    }
  }
}
