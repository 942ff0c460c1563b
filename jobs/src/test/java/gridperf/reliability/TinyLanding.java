package gridperf.reliability;

import static gridperf.reliability.ReliabilityBase.write;
import static gridperf.reliability.ReliabilityBase.writeRaw;

import java.nio.file.Path;

/**
 * A hand-written landing tree of a few rows over 2014–2015: three grids (urban, rural, town), three
 * managers, four retailers (R4 moves from G1/M1 to G2/M2 on 2014-07-01), targets, sales with a
 * duplicate, a return and truncated last lines, touchpoints with ratings, a complaint and a
 * truncated last line. {@link #first} is the first delivery, {@link #second} adds 2015 files,
 * {@link #late} a late file for the closed month 2014-03.
 */
final class TinyLanding {
  static final String SALES =
      "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons,amount_yuan";

  private TinyLanding() {}

  static void master(Path root) {
    write(
        root,
        "master/grids.csv",
        "grid_code,grid_name,station,market_type",
        "G1,g1,s1,urban",
        "G2,g2,s1,rural",
        "G3,g3,s2,town");
    write(
        root,
        "master/managers.csv",
        "manager_code,manager_name,station,hire_date",
        "M1,Wang,s1,2010-01-01",
        "M2,Li,s1,2011-05-01",
        "M3,Zhang,s2,2012-03-01");
    write(
        root,
        "master/products.csv",
        "sku_code,sku_name,brand,price_class,carton_price",
        "S1,hi,b,1,400.00",
        "S3,mid,b,3,100.00");
    write(
        root,
        "master/retailers.csv",
        "retailer_code,retailer_name,format,scale,grade,grid_code,manager_code,license_status,valid_from",
        "R1,r1,grocery,medium,5,G1,M1,active,2014-01-01",
        "R2,r2,convenience,small,8,G2,M2,active,2014-01-01",
        "R3,r3,supermarket,large,3,G3,M3,active,2014-01-01",
        "R4,r4,grocery,small,9,G1,M1,active,2014-01-01",
        "R4,r4,grocery,small,9,G2,M2,active,2014-07-01");
    write(
        root,
        "master/targets.csv",
        "year,month,manager_code,target_cases",
        "2014,1,M1,1.00",
        "2014,1,M2,0.50",
        "2014,3,M1,1.00",
        "2015,1,M1,1.20",
        "2015,3,M1,1.50");
  }

  /** Master data and the first sales and touchpoints (2014 and January 2015). */
  static void first(Path root) {
    master(root);
    // line 5 repeats line 2 (a duplicate); the last line is cut off mid-row (MALFORMED)
    writeRaw(
        root,
        "sales/2014/2014-01.csv",
        String.join(
            "\n",
            SALES,
            "O1,1,2014-01-06,R1,S1,50,20000.00",
            "O1,2,2014-01-06,R1,S3,25,2500.00",
            "O2,1,2014-01-07,R2,S3,30,3000.00",
            "O1,1,2014-01-06,R1,S1,50,20000",
            "O3,1,2014-03-03,R3,S1,100,40000.00",
            "O4,1,2014-03-04,R4,S3,40,4000.00",
            "O5,1,2014-03-05,R1,S3,10,1000.00",
            "O6,1,2014-0"));
    write(
        root,
        "sales/2014/2014-07.csv",
        SALES,
        "O7,1,2014-07-07,R4,S1,20,8000.00",
        "O8,1,2014-07-08,R2,S1,-5,-2000.00",
        "O8,2,2014-07-08,R2,S3,60,6000.00",
        "O9,1,2014-07-09,R3,S3,15,\"1,500.00");
    write(
        root,
        "sales/2015/2015-01.csv",
        SALES,
        "P1,1,2015-01-05,R1,S1,60,24000.00",
        "P2,1,2015-01-06,R2,S3,20,2000.00",
        "P3,1,2015-01-07,R4,S1,10,4000.00");
    writeRaw(
        root,
        "touchpoints/2014/2014.jsonl",
        String.join(
            "\n",
            tp("E1", "2014-01-06T09:00:00+08:00", "R1", "M1", "visit", "4"),
            tp("E2", "2014-01-31T17:30:00Z", "R2", "M2", "visit", "2"),
            tp("E3", "2014-03-03T10:00:00+08:00", "R3", "M3", "phone", "5"),
            "{\"event_id\":\"E4\",\"ts\":\"2014-07-08T10:00:00+08:00\",\"retailer_code\":\"R2\",\"manager_code\":\"M2\",\"channel\":\"complaint\",\"satisfaction\":1,\"complaint\":{\"category\":\"delivery\",\"resolved_ts\":\"2014-07-09T09:00:00+08:00\"}}",
            tp("E5", "2014-07-10T10:00:00+08:00", "R4", "M2", "visit", "5"),
            "{\"event_id\":\"E6\",\"ts\":\"2014-07-11T10:00:00+08:00\",\"retai"));
    write(
        root,
        "touchpoints/2015/2015-01.jsonl",
        tp("F1", "2015-01-05T09:00:00+08:00", "R1", "M1", "visit", "3"),
        tp("F2", "2015-01-06T09:00:00+08:00", "R4", "M2", "visit", "4"));
  }

  /** A second delivery: March and July 2015. */
  static void second(Path root) {
    write(
        root,
        "sales/2015/2015-03.csv",
        SALES,
        "P4,1,2015-03-02,R3,S1,80,32000.00",
        "P5,1,2015-03-03,R4,S3,45,4500.00",
        "P6,1,2015-03-04,R1,S3,12,1200.00");
    write(
        root,
        "sales/2015/2015-07.csv",
        SALES,
        "P7,1,2015-07-06,R4,S1,25,10000.00",
        "P8,1,2015-07-07,R2,S3,70,7000.00");
    write(
        root,
        "touchpoints/2015/2015-03.jsonl",
        tp("F3", "2015-03-02T09:00:00+08:00", "R3", "M3", "visit", "5"),
        tp("F4", "2015-03-03T09:00:00+08:00", "R1", "M1", "wechat", "2"));
  }

  /** Late sales for the closed month 2014-03, delivered after the others. */
  static void late(Path root) {
    write(
        root,
        "sales/2014/2014-03-late.csv",
        SALES,
        "L1,1,2014-03-20,R2,S1,30,12000.00",
        "L2,1,2014-03-21,R1,S3,8,800.00");
  }

  static String tp(
      String id, String ts, String retailer, String manager, String channel, String sat) {
    String mot =
        channel.equals("visit")
            ? ",\"mot\":{\"appearance\":5,\"behaviour\":4,\"communication\":4}"
            : "";
    return "{\"event_id\":\""
        + id
        + "\",\"ts\":\""
        + ts
        + "\",\"retailer_code\":\""
        + retailer
        + "\",\"manager_code\":\""
        + manager
        + "\",\"channel\":\""
        + channel
        + "\",\"duration_min\":20"
        + mot
        + ",\"satisfaction\":"
        + sat
        + ",\"complaint\":null}";
  }
}
