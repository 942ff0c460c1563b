package gridperf.lakehouse;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Java lists as the Scala sequences some Spark methods take (join columns, grouping sets). */
public final class ScalaSeq {
  private ScalaSeq() {}

  public static <T> Seq<T> of(List<T> items) {
    return CollectionConverters.asScala(items).toSeq();
  }

  @SafeVarargs
  public static <T> Seq<T> of(T... items) {
    return of(List.of(items));
  }
}
