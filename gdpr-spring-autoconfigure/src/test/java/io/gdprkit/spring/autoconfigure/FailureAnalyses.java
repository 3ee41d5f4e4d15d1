package io.gdprkit.spring.autoconfigure;

import java.util.List;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Analyzes a start-up failure with the analyzers registered in {@code spring.factories}, in their order, as Boot does. */
public final class FailureAnalyses {

  private FailureAnalyses() {}

  /** Returns the first analysis, failing the test when no analyzer explains the failure. */
  public static FailureAnalysis analyze(Throwable failure) {
    // Boot's analyzers that want the bean factory are left out: they would not explain a gdpr.* failure anyway.
    List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(
        FailureAnalyses.class.getClassLoader()).load(FailureAnalyzer.class, null,
        (factoryType, implementationName, ignored) -> { });
    for (FailureAnalyzer analyzer : analyzers) {
      FailureAnalysis analysis = analyzer.analyze(failure);
      if (analysis != null) {
        return analysis;
      }
    }
    throw new AssertionError("no failure analyzer explained " + failure);
  }
}
