package io.gdprkit.jpa.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.subject.Actor;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The purpose in force (Art. 5(1)(b)): thread-bound, nested, closed innermost first. */
class PurposeScopeTests {

  @Test
  @DisplayName("the innermost scope is in force, and closing it puts the one around it back")
  void nests() {
    try (PurposeScope billing = PurposeScope.open("billing", Actor.staff("clerk-7"))) {
      try (PurposeScope erasure = PurposeScope.erasure()) {
        assertThat(PurposeScope.current()).containsSame(erasure);
        assertThat(erasure.exemptsRestriction()).isTrue();
        assertThat(erasure.actor()).contains(Actor.staff("clerk-7"));
      }
      assertThat(PurposeScope.current()).containsSame(billing);
      assertThat(billing.purpose()).contains("billing");
      assertThat(billing.exemptsRestriction()).isFalse();
    }
    assertThat(PurposeScope.current()).isEmpty();
  }

  @Test
  @DisplayName("a scope is bound to the thread that opened it")
  void isBoundToItsThread() throws Exception {
    try (PurposeScope billing = PurposeScope.open("billing")) {
      Optional<PurposeScope> elsewhere = CompletableFuture.supplyAsync(PurposeScope::current).get();
      assertThat(elsewhere).isEmpty();
      assertThatThrownBy(() -> CompletableFuture.runAsync(billing::close).join())
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  @DisplayName("closing a scope while one opened inside it is open fails, and closing twice does nothing")
  void closesInnermostFirst() {
    PurposeScope outer = PurposeScope.open("billing");
    PurposeScope inner = PurposeScope.subjectAccess();

    assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class);
    inner.close();
    inner.close();
    outer.close();
    assertThat(PurposeScope.current()).isEmpty();
  }

  @Test
  @DisplayName("a purpose scope needs a purpose")
  void needsAPurpose() {
    assertThatThrownBy(() -> PurposeScope.open(" ")).isInstanceOf(io.gdprkit.InvalidInputException.class);
    assertThat(PurposeScope.current()).isEmpty();
  }
}
