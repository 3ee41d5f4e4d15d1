package io.gdprkit.spring.gpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.gpc.GpcPolicy;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GpcSupportControllerTests {

  private static final LocalDate CONFIGURED = LocalDate.of(2026, 12, 7);

  private static GdprKit kit(GpcPolicy policy) {
    return GdprKit.builder().allowGeneratedKeys()
        .purpose(Purpose.of("ad-sharing", LegalBasis.CONSENT, "Sharing with advertising partners"))
        .gpc(policy).build();
  }

  @Test
  void statesNoSupportWhenThePolicyHonoursNoSignal() {
    GpcSupportController controller = new GpcSupportController(kit(GpcPolicy.defaults()), CONFIGURED);

    assertThat(controller.supportResource().getBody()).isEqualTo("{\"gpc\":false,\"lastUpdate\":\"2026-12-07\"}");
  }

  @Test
  void prefersThePolicysOwnDateToTheConfiguredOne() {
    GpcPolicy policy = GpcPolicy.defaults().withWithdrawal("ad-sharing").withLastUpdate(LocalDate.of(2026, 1, 2));
    GpcSupportController controller = new GpcSupportController(kit(policy), CONFIGURED);

    assertThat(controller.supportResource().getBody()).isEqualTo("{\"gpc\":true,\"lastUpdate\":\"2026-01-02\"}");
  }

  @Test
  void leavesTheDateOutWhenNoneIsKnown() {
    GpcSupportController controller = new GpcSupportController(kit(GpcPolicy.defaults().withWithdrawal("ad-sharing")),
        null);

    assertThat(controller.supportResource().getBody()).isEqualTo("{\"gpc\":true}");
  }
}
