package gridperf.bench;

/**
 * A hand-made county in silver shape (the columns the reference reads), January–February 2015.
 *
 * <p>R1 is M1's until 2015-02-15, then M2's; R2 is M1's; R3 is M2's, suspended from 2015-02-01.
 * Sales: R1 500 cartons in January (M1) and 250 in February after its move (M2); R2 only a 2-carton
 * return in January, 250 cartons in February. Touchpoints: a January visit to R3 (MOT 5/4/3,
 * satisfaction 4), a February complaint at R3 while suspended (resolved within 24 h, satisfaction
 * 2), a February call to R1 (M2).
 */
final class TinySilver {
  static final String RETAILERS =
      "SELECT * FROM (VALUES"
          + " ('R1', DATE '2000-01-01', DATE '2015-02-15', 'M1', 'G1', 'grocery', 'urban', 'small',"
          + " 'active'),"
          + " ('R1', DATE '2015-02-15', NULL, 'M2', 'G2', 'grocery', 'urban', 'small', 'active'),"
          + " ('R2', DATE '2000-01-01', NULL, 'M1', 'G1', 'convenience', 'urban', 'large',"
          + " 'active'),"
          + " ('R3', DATE '2000-01-01', DATE '2015-02-01', 'M2', 'G2', 'grocery', 'urban', 'small',"
          + " 'active'),"
          + " ('R3', DATE '2015-02-01', NULL, 'M2', 'G2', 'grocery', 'urban', 'small',"
          + " 'suspended'))"
          + " v(retailer_code, valid_from, valid_to, manager_code, grid_code, format, market_type,"
          + " scale, license_status)";

  static final String SALES =
      "SELECT order_id, CAST(1 AS BIGINT) AS line_no, order_date, retailer_code,"
          + " CAST(qty AS BIGINT) AS qty_cartons, CAST(amount AS DECIMAL(18, 2)) AS amount_yuan,"
          + " manager_code, grid_code, format, market_type, scale, price_class FROM (VALUES"
          + " ('O1', DATE '2015-01-05', 'R1', 500, 1000.00, 'M1', 'G1', 'grocery', 'urban',"
          + " 'small', 1),"
          + " ('O2', DATE '2015-01-05', 'R2', -2, -4.00, 'M1', 'G1', 'convenience', 'urban',"
          + " 'large', 3),"
          + " ('O3', DATE '2015-02-20', 'R1', 250, 300.50, 'M2', 'G2', 'grocery', 'urban',"
          + " 'small', 2),"
          + " ('O4', DATE '2015-02-03', 'R2', 250, 100.00, 'M1', 'G1', 'convenience', 'urban',"
          + " 'large', 5))"
          + " v(order_id, order_date, retailer_code, qty, amount, manager_code, grid_code, format,"
          + " market_type, scale, price_class)";

  static final String TOUCHPOINTS =
      "SELECT event_id, business_date, retailer_code, channel,"
          + " CAST(ma AS DOUBLE) AS mot_appearance, CAST(mb AS DOUBLE) AS mot_behaviour,"
          + " CAST(mc AS DOUBLE) AS mot_communication, CAST(sat AS INTEGER) AS satisfaction,"
          + " r24 AS complaint_resolved_24h, manager_code, grid_code, format, market_type, scale"
          + " FROM (VALUES"
          + " ('T1', DATE '2015-01-10', 'R3', 'visit', 5, 4, 3, 4, NULL, 'M2', 'G2', 'grocery',"
          + " 'urban', 'small'),"
          + " ('T2', DATE '2015-02-10', 'R3', 'complaint', NULL, NULL, NULL, 2, true, 'M2', 'G2',"
          + " 'grocery', 'urban', 'small'),"
          + " ('T3', DATE '2015-02-16', 'R1', 'phone', NULL, NULL, NULL, NULL, NULL, 'M2', 'G2',"
          + " 'grocery', 'urban', 'small'))"
          + " v(event_id, business_date, retailer_code, channel, ma, mb, mc, sat, r24,"
          + " manager_code, grid_code, format, market_type, scale)";

  private TinySilver() {}
}
