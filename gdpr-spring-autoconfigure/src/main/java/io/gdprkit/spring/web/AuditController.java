package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.InclusionProof;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.spring.web.Views.ActorView;
import io.gdprkit.subject.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail's tamper evidence: verification of the hash chain, signed checkpoints over its Merkle root, and the
 * proof that one entry is in a checkpoint, which an auditor checks without seeing the other entries (RFC 9162).
 */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "Verification of the audit trail and proofs of inclusion (Art. 5(2))")
final class AuditController {

  private final GdprKit gdpr;

  private final AdminTenants tenants;

  AuditController(GdprKit gdpr, AdminTenants tenants) {
    this.gdpr = gdpr;
    this.tenants = tenants;
  }

  @GetMapping("/verification")
  @Operation(summary = "Verify the tenant's whole chain: any edit, deletion, insertion or reordering is found")
  VerificationView verify(TenantId resolved, @RequestParam(required = false) @Nullable String tenant) {
    TenantId id = tenants.chosen(resolved, tenant);
    VerificationResult result = gdpr.audit().verify(id);
    return new VerificationView(id.value(), gdpr.audit().size(id), gdpr.audit().waiting(id), result.intact(),
        result.checked(), result.firstBadPosition(), result.problem());
  }

  @PostMapping("/checkpoints")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Sign a checkpoint of the chain as it is now, or answer the last if it has not grown")
  CheckpointView checkpoint(TenantId resolved, @RequestParam(required = false) @Nullable String tenant) {
    return CheckpointView.of(gdpr.audit().checkpoint(tenants.chosen(resolved, tenant)));
  }

  @GetMapping("/keys")
  @Operation(summary = "The public keys that verify checkpoints and signed evidence, as a JWK Set")
  Map<String, Object> keys() {
    return Map.of("jwks", gdpr.verificationKeys().toJwks());
  }

  /**
   * Answers an entry with the proof that it is in a checkpoint: the latest one that covers it, or a new one signed
   * now when none does yet.
   */
  @GetMapping("/entries/{position}/proof")
  @Operation(summary = "The entry at a position with its inclusion proof in a signed checkpoint")
  ProofView proof(TenantId resolved, @PathVariable long position,
      @RequestParam(required = false) @Nullable String tenant) {
    TenantId id = tenants.chosen(resolved, tenant);
    if (position < 0 || position >= gdpr.audit().size(id)) {
      throw InvalidInputException.of("position", "must be below the chain's size");
    }
    Checkpoint checkpoint = gdpr.audit().latestCheckpoint(id).filter(c -> c.treeSize() > position)
        .orElseGet(() -> gdpr.audit().checkpoint(id));
    AuditEntry entry = gdpr.audit().entries(id, position, 1).get(0);
    InclusionProof proof = gdpr.audit().inclusionProof(id, position, checkpoint);
    return new ProofView(EntryView.of(entry), proof.leafIndex(), proof.treeSize(),
        proof.path().stream().map(AuditHash::hex).toList(), CheckpointView.of(checkpoint));
  }

  /** The outcome of a verification, with the chain's size and the entries still waiting to be appended. */
  record VerificationView(String tenant, long size, long waiting, boolean intact, long checked,
      @Nullable Long firstBadPosition, @Nullable String problem) {
  }

  /**
   * A signed checkpoint; {@code bytes} is its binary form, body and Ed25519 signature, in base64, as an auditor
   * parses it.
   */
  record CheckpointView(String tenant, long treeSize, String root, String lastEntryHash, Instant at, String keyId,
      String signature, String bytes) {

    static CheckpointView of(Checkpoint checkpoint) {
      Base64.Encoder base64 = Base64.getEncoder();
      return new CheckpointView(checkpoint.tenant().value(), checkpoint.treeSize(), checkpoint.root().hex(),
          checkpoint.lastEntryHash().hex(), checkpoint.at(), checkpoint.keyId(),
          base64.encodeToString(checkpoint.signature()), base64.encodeToString(checkpoint.toBytes()));
    }
  }

  /** An entry of the chain; it names its subject by pseudonym only. */
  record EntryView(long position, Instant at, String kind, @Nullable String subjectPseudonym, ActorView actor,
      @Nullable String purpose, String previousHash, String hash) {

    static EntryView of(AuditEntry entry) {
      return new EntryView(entry.position(), entry.at(), entry.record().kind().name(),
          entry.record().subjectPseudonym(), ActorView.of(entry.record().actor()), entry.record().purpose(),
          entry.previousHash().hex(), entry.hash().hex());
    }
  }

  /** An entry with the Merkle audit path from its leaf to the checkpoint's root. */
  record ProofView(EntryView entry, long leafIndex, long treeSize, List<String> path, CheckpointView checkpoint) {
  }
}
