package io.gdprkit.spring.autoconfigure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.gpc.GpcConflictRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gdpr.signals.*} properties: how the kit maps privacy signals from the browser to its purposes, Global
 * Privacy Control ({@code Sec-GPC: 1}) and IAB TCF v2.2/2.3 TC strings.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.signals.gpc.withdrawals=ad-sharing
 * gdpr.signals.tcf.vendor-id=4242
 * gdpr.signals.tcf.purposes.1=storage
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Validated
@ConfigurationProperties("gdpr.signals")
public class GdprSignalProperties {

  /** Global Privacy Control. */
  private @Valid Gpc gpc = new Gpc();

  /** IAB Transparency and Consent Framework. */
  private @Valid Tcf tcf = new Tcf();

  public Gpc getGpc() {
    return gpc;
  }

  public void setGpc(Gpc gpc) {
    this.gpc = gpc;
  }

  public Tcf getTcf() {
    return tcf;
  }

  public void setTcf(Tcf tcf) {
    this.tcf = tcf;
  }

  /** What a Global Privacy Control signal means here; by default nothing is honoured. */
  public static class Gpc {

    /** The consent purposes whose consent a signal withdraws (Art. 7(3)). */
    private List<String> withdrawals = new ArrayList<>();

    /** The purposes a signal objects to (Art. 21). */
    private List<String> objections = new ArrayList<>();

    /** Which wins when a signal meets a direct choice; the kit's default when not set. */
    private @Nullable GpcConflictRule conflictRule;

    public List<String> getWithdrawals() {
      return withdrawals;
    }

    public void setWithdrawals(List<String> withdrawals) {
      this.withdrawals = withdrawals;
    }

    public List<String> getObjections() {
      return objections;
    }

    public void setObjections(List<String> objections) {
      this.objections = objections;
    }

    public @Nullable GpcConflictRule getConflictRule() {
      return conflictRule;
    }

    public void setConflictRule(@Nullable GpcConflictRule conflictRule) {
      this.conflictRule = conflictRule;
    }
  }

  /** How TC strings map to purposes; by default only decoding works. */
  public static class Tcf {

    /** The host's IAB vendor id; without it, the host reads signals as the publisher. */
    @Min(value = 1, message = "Set the vendor id the IAB Global Vendor List gives the host, a positive number.")
    @Max(value = 65535, message = "Set the vendor id the IAB Global Vendor List gives the host, at most 65535.")
    private @Nullable Integer vendorId;

    /** The declared purpose each TCF purpose (1 to 24) maps to. */
    private Map<@Min(value = 1, message = "Map TCF purposes 1 to 24 only.") @Max(value = 24,
        message = "Map TCF purposes 1 to 24 only.") Integer, String> purposes = new LinkedHashMap<>();

    /** The declared purpose each TCF special feature (1 or 2) maps to. */
    private Map<@Min(value = 1, message = "Map TCF special features 1 and 2 only.") @Max(value = 2,
        message = "Map TCF special features 1 and 2 only.") Integer, String> specialFeatures = new LinkedHashMap<>();

    public @Nullable Integer getVendorId() {
      return vendorId;
    }

    public void setVendorId(@Nullable Integer vendorId) {
      this.vendorId = vendorId;
    }

    public Map<Integer, String> getPurposes() {
      return purposes;
    }

    public void setPurposes(Map<Integer, String> purposes) {
      this.purposes = purposes;
    }

    public Map<Integer, String> getSpecialFeatures() {
      return specialFeatures;
    }

    public void setSpecialFeatures(Map<Integer, String> specialFeatures) {
      this.specialFeatures = specialFeatures;
    }
  }
}
