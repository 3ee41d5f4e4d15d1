package io.gdprkit.spring.autoconfigure;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.DigitalConsentAges;
import io.gdprkit.consent.MemberState;
import io.gdprkit.data.RelationType;
import io.gdprkit.erasure.CascadePolicy;
import io.gdprkit.gpc.GpcPolicy;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.tcf.TcfMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the validated {@code gdpr.*} properties set on the builder; cross-references are checked here. */
final class KitProperties {

  private static final List<DataCategory> KIT_CATEGORIES = List.of(DataCategory.CONTACT_DETAILS,
      DataCategory.ONLINE_IDENTIFIERS, DataCategory.BEHAVIOURAL, DataCategory.FINANCIAL, DataCategory.LOCATION,
      DataCategory.HEALTH);

  private final GdprProperties core;
  private final GdprRetentionProperties retention;
  private final GdprErasureProperties erasure;
  private final GdprSignalProperties signals;

  KitProperties(GdprProperties core, GdprRetentionProperties retention, GdprErasureProperties erasure,
      GdprSignalProperties signals) {
    this.core = core;
    this.retention = retention;
    this.erasure = erasure;
    this.signals = signals;
  }

  void applyTo(GdprKit.Builder builder) {
    Map<String, DataCategory> categories = categories();
    core.getPurposes().forEach((id, declared) -> builder.purpose(purpose(id, declared, categories)));
    if (!core.getDigitalConsentAges().isEmpty()) {
      DigitalConsentAges ages = DigitalConsentAges.defaults();
      for (Map.Entry<String, GdprProperties.AgeProperties> entry : core.getDigitalConsentAges().entrySet()) {
        ages = ages.with(memberState("gdpr.digital-consent-ages." + entry.getKey(), entry.getKey()),
            entry.getValue().getAge(), entry.getValue().getSource());
      }
      builder.digitalConsentAges(ages);
    }
    if (core.getDefaultMemberState() != null) {
      builder.defaultMemberState(memberState("gdpr.default-member-state", core.getDefaultMemberState()));
    }
    if (core.isRequireAgeAssurance()) {
      builder.requireAgeAssurance();
    }
    if (core.getInstanceId() != null) {
      builder.instanceId(core.getInstanceId());
    }
    if (core.getWorkLease() != null) {
      builder.workLease(core.getWorkLease());
    }
    if (core.getAuditDrain() != null) {
      builder.auditDrain(core.getAuditDrain());
    }
    retention.getRules().forEach((id, rule) -> builder.retention(rule(id, rule, categories)));
    GdprErasureProperties.Cascade cascade = erasure.getCascade();
    CascadePolicy policy = CascadePolicy.defaults().withDefaultDepth(cascade.getDefaultDepth());
    for (Map.Entry<String, Integer> depth : cascade.getDepths().entrySet()) {
      policy = policy.withDepth(RelationType.of(depth.getKey()), depth.getValue());
    }
    builder.cascade(policy);
    gpc(builder);
    tcf(builder);
  }

  private Map<String, DataCategory> categories() {
    Map<String, DataCategory> all = new HashMap<>();
    KIT_CATEGORIES.forEach(category -> all.put(category.id(), category));
    core.getDataCategories().forEach((id, declared) ->
        all.put(id, DataCategory.of(id, declared.getDescription(), declared.getSensitivity())));
    return all;
  }

  private static Purpose purpose(String id, GdprProperties.PurposeProperties declared,
      Map<String, DataCategory> categories) {
    String property = "gdpr.purposes." + id;
    Purpose purpose = Purpose.of(id, declared.getBasis(), declared.getDescription());
    if (!declared.getDataCategories().isEmpty()) {
      purpose = purpose.withDataCategories(declared.getDataCategories().stream()
          .map(category -> category(property + ".data-categories", category, categories))
          .toArray(DataCategory[]::new));
    }
    if (declared.getRetention() != null) {
      purpose = purpose.withRetention(declared.getRetention());
    }
    if (declared.getConsentValidity() != null) {
      purpose = purpose.withConsentValidity(declared.getConsentValidity());
    }
    if (!declared.getSwitchesRequired().isEmpty()) {
      ProcessingSwitch[] switches = declared.getSwitchesRequired().toArray(ProcessingSwitch[]::new);
      purpose = purpose.requiring(switches[0], java.util.Arrays.copyOfRange(switches, 1, switches.length));
    }
    if (declared.getNoticeVersion() != null) {
      purpose = purpose.withNoticeVersion(declared.getNoticeVersion());
    }
    return declared.isDirectMarketing() ? purpose.asDirectMarketing() : purpose;
  }

  private RetentionRule rule(String id, GdprRetentionProperties.Rule rule, Map<String, DataCategory> categories) {
    String property = "gdpr.retention.rules." + id;
    if (rule.getPurpose() != null && rule.getCategory() != null) {
      throw GdprConfigurationException.of(property + ".category", "is set together with the rule's purpose",
          "Give the rule a purpose or a data category, not both; write two rules for both.");
    }
    if (rule.getPurpose() != null) {
      requireDeclared(property + ".purpose", rule.getPurpose());
      return RetentionRule.forPurpose(id, rule.getPurpose(), rule.getKeep(), rule.getAction());
    }
    if (rule.getCategory() != null) {
      return RetentionRule.forCategory(id, category(property + ".category", rule.getCategory(), categories),
          rule.getKeep(), rule.getAction());
    }
    return RetentionRule.forSubjects(id, rule.getKeep(), rule.getAction());
  }

  private void gpc(GdprKit.Builder builder) {
    GdprSignalProperties.Gpc gpc = signals.getGpc();
    GpcPolicy policy = GpcPolicy.defaults();
    boolean changed = false;
    if (!gpc.getWithdrawals().isEmpty()) {
      gpc.getWithdrawals().forEach(p -> requireDeclared("gdpr.signals.gpc.withdrawals", p));
      policy = policy.withWithdrawal(gpc.getWithdrawals().toArray(String[]::new));
      changed = true;
    }
    if (!gpc.getObjections().isEmpty()) {
      gpc.getObjections().forEach(p -> requireDeclared("gdpr.signals.gpc.objections", p));
      policy = policy.withObjection(gpc.getObjections().toArray(String[]::new));
      changed = true;
    }
    if (gpc.getConflictRule() != null) {
      policy = policy.withConflictRule(gpc.getConflictRule());
      changed = true;
    }
    if (changed) {
      builder.gpc(policy);
    }
  }

  private void tcf(GdprKit.Builder builder) {
    GdprSignalProperties.Tcf tcf = signals.getTcf();
    if (tcf.getVendorId() == null && tcf.getPurposes().isEmpty() && tcf.getSpecialFeatures().isEmpty()) {
      return;
    }
    TcfMapping mapping = tcf.getVendorId() != null ? TcfMapping.forVendor(tcf.getVendorId())
        : TcfMapping.forPublisher();
    for (Map.Entry<Integer, String> entry : tcf.getPurposes().entrySet()) {
      requireDeclared("gdpr.signals.tcf.purposes." + entry.getKey(), entry.getValue());
      mapping = mapping.withPurpose(entry.getKey(), entry.getValue());
    }
    for (Map.Entry<Integer, String> entry : tcf.getSpecialFeatures().entrySet()) {
      requireDeclared("gdpr.signals.tcf.special-features." + entry.getKey(), entry.getValue());
      mapping = mapping.withSpecialFeature(entry.getKey(), entry.getValue());
    }
    builder.tcf(mapping);
  }

  /**
   * Refuses a purpose not declared in {@code gdpr.purposes}; with purposes declared only by a customizer, the
   * builder checks instead.
   */
  private void requireDeclared(String property, String purpose) {
    if (!core.getPurposes().isEmpty() && !core.getPurposes().containsKey(purpose)) {
      throw GdprConfigurationException.of(property, "names the purpose '" + purpose + "', which is not declared",
          "Declare it under gdpr.purposes." + purpose + " (basis and description), or name a declared purpose: "
              + String.join(", ", core.getPurposes().keySet()) + ".");
    }
  }

  private static DataCategory category(String property, String id, Map<String, DataCategory> categories) {
    DataCategory category = categories.get(id);
    if (category == null) {
      throw GdprConfigurationException.of(property, "names the data category '" + id + "', which is not known",
          "Name one of the kit's categories (" + String.join(", ", KIT_CATEGORIES.stream().map(DataCategory::id)
              .toList()) + ") or declare it under gdpr.data-categories." + id + ".");
    }
    return category;
  }

  private static MemberState memberState(String property, @Nullable String code) {
    try {
      return MemberState.of(code);
    } catch (RuntimeException e) {
      throw GdprConfigurationException.of(property, "is not an ISO 3166-1 alpha-2 country code",
          "Use the ISO 3166-1 alpha-2 code of an EU member state, such as DE, FR or PL.");
    }
  }
}
