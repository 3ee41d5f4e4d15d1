package io.gdprkit.jpa;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL Hibernate sends on the test databases, recorded while a test asks for it: the statement inspector of
 * {@link TestDatabase}'s persistence units, which lets every statement through unchanged.
 */
public final class RecordedSql implements StatementInspector {

  private static final List<String> RECORDED = new ArrayList<>();
  private static volatile boolean recording;

  /** Forgets what was recorded and records from now on. */
  public static synchronized void start() {
    RECORDED.clear();
    recording = true;
  }

  /** Stops recording and returns the statements sent since {@link #start()}, in order. */
  public static synchronized List<String> stop() {
    recording = false;
    return List.copyOf(RECORDED);
  }

  @Override
  public String inspect(String sql) {
    if (recording) {
      synchronized (RecordedSql.class) {
        RECORDED.add(sql);
      }
    }
    return sql;
  }
}
