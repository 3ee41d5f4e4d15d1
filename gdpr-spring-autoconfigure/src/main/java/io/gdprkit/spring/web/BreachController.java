package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.breach.AuthorityNotificationDue;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.BreachService;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.breach.RiskLevel;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.spring.web.Views.BreachView;
import io.gdprkit.subject.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The breach register (Art. 33(5)): breaches, their risk, the 72-hour clock and the notifications. */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}/breaches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Breaches", description = "Personal data breaches and their notification (Art. 33, 34)")
final class BreachController {

  private final GdprKit gdpr;

  BreachController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  /** Returns the view of the call's tenant. */
  private BreachService inTenant(TenantId tenant) {
    return gdpr.breaches().forTenant(tenant);
  }

  @GetMapping
  @Operation(summary = "Every breach of the register, by id")
  List<BreachView> breaches(TenantId tenant) {
    Instant now = gdpr.clock().instant();
    return inTenant(tenant).breaches().stream().map(b -> BreachView.of(b, now)).toList();
  }

  @GetMapping("/awaiting-notification")
  @Operation(summary = "Breaches whose notification of the authority is due, earliest deadline first")
  List<BreachView> awaitingNotification(TenantId tenant) {
    Instant now = gdpr.clock().instant();
    return inTenant(tenant).awaitingAuthorityNotification().stream().map(AuthorityNotificationDue::breach)
        .map(b -> BreachView.of(b, now)).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One breach")
  BreachView find(TenantId tenant, @PathVariable String id) {
    return view(inTenant(tenant).find(breachId(id)).orElseThrow(() -> UnknownBreachException.of(breachId(id))));
  }

  @PostMapping
  @Operation(summary = "Record a breach, under the controller's reference if one is given")
  ResponseEntity<BreachView> record(TenantId tenant, @Valid @RequestBody BreachBody body,
      @Nullable Principal principal) {
    BreachDetails details = new BreachDetails(body.description(), categories(body.dataCategories()),
        body.subjectCategories() == null ? List.of() : body.subjectCategories(), body.approximateSubjects(),
        body.approximateRecords(), body.likelyConsequences(), body.measures(), body.contactPoint(),
        body.exposedFrom() == null && body.exposedUntil() == null ? null
            : ExposureWindow.of(body.exposedFrom(), body.exposedUntil()));
    Breach breach = body.id() == null
        ? inTenant(tenant).record(details, body.awareAt(), Callers.actor(principal))
        : inTenant(tenant).record(breachId(body.id()), details, body.awareAt(), Callers.actor(principal));
    return ResponseEntity.created(URI.create(breach.id().value())).body(view(breach));
  }

  @PostMapping(path = "/{id}/assessments")
  @Operation(summary = "Record an assessment of the breach's risk, which decides what is due (Art. 33(1), 34(1))")
  BreachView assess(TenantId tenant, @PathVariable String id, @Valid @RequestBody AssessmentBody body,
      @Nullable Principal principal) {
    return view(inTenant(tenant).assess(breachId(id), body.level(), body.rationale(), Callers.actor(principal)));
  }

  @PostMapping(path = "/{id}/authority-notification")
  @Operation(summary = "Record that the authority was notified; after 72 hours only with the reasons for the delay")
  BreachView notifyAuthority(TenantId tenant, @PathVariable String id, @Valid @RequestBody NotificationBody body,
      @Nullable Principal principal) {
    return view(inTenant(tenant).notifyAuthority(breachId(id), body.notifiedAt(), body.delayReasons(),
        Callers.actor(principal)));
  }

  @PostMapping(path = "/{id}/subject-communication")
  @Operation(summary = "Record that the data subjects were told (Art. 34(1))")
  BreachView subjectsTold(TenantId tenant, @PathVariable String id, @Valid @RequestBody CommunicationBody body,
      @Nullable Principal principal) {
    return view(inTenant(tenant).subjectsTold(breachId(id), body.toldAt(), Callers.actor(principal)));
  }

  private BreachView view(Breach breach) {
    return BreachView.of(breach, gdpr.clock().instant());
  }

  private static BreachId breachId(String id) {
    return BreachId.of(id);
  }

  /** Resolves category ids against the categories the kit knows: built in, declared by purposes, held by providers. */
  private List<DataCategory> categories(@Nullable List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    Map<String, DataCategory> known = new LinkedHashMap<>();
    for (DataCategory builtIn : List.of(DataCategory.CONTACT_DETAILS, DataCategory.ONLINE_IDENTIFIERS,
        DataCategory.BEHAVIOURAL, DataCategory.FINANCIAL, DataCategory.LOCATION, DataCategory.HEALTH)) {
      known.put(builtIn.id(), builtIn);
    }
    for (Purpose purpose : gdpr.purposes().all()) {
      purpose.dataCategories().forEach(category -> known.putIfAbsent(category.id(), category));
    }
    for (ProviderDescriptor provider : gdpr.personalData().descriptors()) {
      provider.categories().forEach(category -> known.putIfAbsent(category.id(), category));
    }
    List<DataCategory> categories = new ArrayList<>();
    for (String id : ids) {
      DataCategory category = known.get(id);
      if (category == null) {
        throw InvalidInputException.of("dataCategories",
            "must name categories the kit knows: built in, declared by a purpose or held by a provider");
      }
      categories.add(category);
    }
    return categories;
  }

  /**
   * A breach as first known; amend the register later as more is learnt (Art. 33(4)).
   *
   * @param id the controller's own reference; a random one if absent
   * @param awareAt when the controller became aware of the breach, from which the 72 hours run
   */
  record BreachBody(
      @Nullable @Size(max = 64) String id,
      @NotBlank @Size(max = BreachDetails.MAX_TEXT) String description,
      @Nullable @Size(max = 50) List<@NotBlank @Size(max = 64) String> dataCategories,
      @Nullable @Size(max = 50) List<@NotBlank @Size(max = 200) String> subjectCategories,
      @Nullable @PositiveOrZero Long approximateSubjects,
      @Nullable @PositiveOrZero Long approximateRecords,
      @Nullable @Size(max = BreachDetails.MAX_TEXT) String likelyConsequences,
      @Nullable @Size(max = BreachDetails.MAX_TEXT) String measures,
      @Nullable @Size(max = BreachDetails.MAX_TEXT) String contactPoint,
      @Nullable Instant exposedFrom,
      @Nullable Instant exposedUntil,
      @NotNull Instant awareAt) {
  }

  /** An assessment of the risk to the subjects, with why. */
  record AssessmentBody(@NotNull RiskLevel level, @NotBlank @Size(max = BreachDetails.MAX_TEXT) String rationale) {
  }

  /** When the authority was notified, and why late if it was. */
  record NotificationBody(@NotNull Instant notifiedAt,
      @Nullable @Size(max = BreachDetails.MAX_TEXT) String delayReasons) {
  }

  /** When the subjects were told. */
  record CommunicationBody(@NotNull Instant toldAt) {
  }
}
