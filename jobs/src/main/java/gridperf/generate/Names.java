package gridperf.generate;

/** Chinese names for people, shops, places and cigarette brands, drawn from small pools. */
final class Names {
  private static final String[] SURNAMES =
      "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧 程 曹 袁 邓 许 傅 沈 曾 彭 吕".split(" ");
  private static final String[] GIVEN =
      "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 建 国 文 玉 兰 海 峰 鹏 辉 宁 波 成 龙 红 春 雪".split(" ");
  static final String[] PLACES =
      "城关 兴安 新安 大汶河 景芝 凌河 官庄 石埠子 吾山 金冢子 柘山 辉渠 石堆 郚山 红沙沟 白芬子 温泉 贾戈 刘家尧 担山".split(" ");
  private static final String[] SHOP_WORDS =
      "兴旺 福满 顺发 金源 惠民 鑫鑫 恒通 万家 好运 诚信 利民 宏达 永盛 佳佳 友谊 百姓 丰收 和顺 旺角 长青".split(" ");
  private static final String[] GROCERY = "便民店 百货店 副食店 小卖部 日杂店".split(" ");
  private static final String[] CONVENIENCE = "便利店 快捷店 24小时店".split(" ");
  private static final String[] SUPERMARKET = "超市 购物广场 连锁超市".split(" ");
  private static final String[] TOBACCO_LIQUOR = "烟酒店 名烟名酒 烟酒行".split(" ");
  private static final String[] ENTERTAINMENT = "KTV 网吧 棋牌室 酒店".split(" ");
  private static final String[] OTHER = "加油站 药店 书报亭 茶庄".split(" ");

  private Names() {}

  static String person(Rng rng) {
    String name = rng.pick(SURNAMES) + rng.pick(GIVEN);
    return rng.chance(0.6) ? name + rng.pick(GIVEN) : name;
  }

  static String shop(Rng rng, String format, String place) {
    String[] kind =
        switch (format) {
          case "grocery" -> GROCERY;
          case "convenience" -> CONVENIENCE;
          case "supermarket" -> SUPERMARKET;
          case "tobacco_liquor" -> TOBACCO_LIQUOR;
          case "entertainment" -> ENTERTAINMENT;
          default -> OTHER;
        };
    String head = rng.chance(0.5) ? rng.pick(SHOP_WORDS) : rng.pick(SURNAMES) + "记";
    return place + head + rng.pick(kind);
  }
}
