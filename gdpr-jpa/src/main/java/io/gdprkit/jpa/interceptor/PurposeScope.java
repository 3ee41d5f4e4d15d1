package io.gdprkit.jpa.interceptor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The purpose the host's code on this thread processes personal data for, from {@link #open} until {@link #close}.
 *
 * <p>Why: personal data may be processed only for the purposes it was collected for and on a lawful basis (Art. 5(1)(b),
 * Art. 6), and a restricted subject's data only stored (Art. 18(2)). The {@link PersistenceInterceptor} reads the
 * scope when an entity with personal data is loaded: it refuses the read when {@code decide} denies the purpose, and
 * writes the purpose into the audit entry; a read outside any scope is let through and audited as made outside one.
 * The kit's own erasure (Art. 17) and rectification (Art. 16) run in scopes of their own kinds, the only ones in
 * which a restricted subject's entities may change; a subject's access (Art. 15, 20) has one too, so that its reads
 * are audited as such.
 *
 * <p>Scopes are bound to the thread that opens them and nest: the innermost one is in force, and closing it puts the
 * one around it back. A scope does not follow work to other threads. Close it on the thread that opened it, innermost
 * first, as try-with-resources does.
 *
 * <p>JPA calls {@code @PreUpdate} only when it flushes, so a scope opened or closed inside a unit of work of the
 * interceptor flushes that unit's entity manager first: a change is checked and audited under the scope it was made in,
 * and one made before an erasure scope opened cannot pass as part of the erasure.
 *
 * <p>Usage example: <pre>{@code
 * try (PurposeScope scope = PurposeScope.open("billing")) {
 *   invoices.send(contacts.find(id)); // a read refused while billing is denied for the contact
 * }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class PurposeScope implements AutoCloseable {

  /** What a scope was opened for. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public enum Kind {
    /** Processing for a declared purpose, which {@code decide} must allow for every subject read. */
    PURPOSE,
    /** The kit's erasure of a subject (Art. 17): changes pass even while the subject is restricted. */
    ERASURE,
    /** The kit's rectification of a subject's data (Art. 16): changes pass even while the subject is restricted. */
    RECTIFICATION,
    /** A subject's access to, or a copy of, their own data (Art. 15, Art. 20): reads pass and are audited as such. */
    SUBJECT_ACCESS
  }

  private static final ThreadLocal<@Nullable PurposeScope> CURRENT = new ThreadLocal<>();

  private final Kind kind;
  private final @Nullable String purpose;
  private final @Nullable Actor actor;
  private final @Nullable PurposeScope outer;
  private final Thread thread;
  private boolean closed;

  private PurposeScope(Kind kind, @Nullable String purpose, @Nullable Actor actor) {
    this.kind = kind;
    this.purpose = purpose;
    this.outer = CURRENT.get();
    this.actor = actor != null ? actor : outer != null ? outer.actor : null;
    this.thread = Thread.currentThread();
  }

  /**
   * Opens a scope for a declared purpose on this thread; reads of personal data in it are refused while
   * {@code decide} denies the purpose for their subject.
   *
   * @param purpose the purpose's id; an undeclared one fails at the first read with
   *     {@link io.gdprkit.purpose.UnknownPurposeException}
   */
  public static PurposeScope open(String purpose) {
    return push(new PurposeScope(Kind.PURPOSE, Preconditions.notBlank(purpose, "purpose"), null));
  }

  /** Opens a scope for a declared purpose, as {@link #open(String)}, whose audit entries name {@code actor}. */
  public static PurposeScope open(String purpose, Actor actor) {
    return push(new PurposeScope(Kind.PURPOSE, Preconditions.notBlank(purpose, "purpose"),
        Preconditions.notNull(actor, "actor")));
  }

  /**
   * Opens the scope of an erasure (Art. 17(1)), in which a restricted subject's entities may be changed and removed.
   *
   * <p><b>Warning:</b> for code that erases; {@link ExemptingProvider} opens it around a provider's erasure.
   */
  public static PurposeScope erasure() {
    return push(new PurposeScope(Kind.ERASURE, null, null));
  }

  /**
   * Opens the scope of a rectification (Art. 16), in which a restricted subject's entities may be changed: the
   * correction that ends a restriction for contested accuracy (Art. 18(1)(a)).
   *
   * <p><b>Warning:</b> for code that rectifies; {@link ExemptingProvider} opens it around a provider's rectification.
   */
  public static PurposeScope rectification() {
    return push(new PurposeScope(Kind.RECTIFICATION, null, null));
  }

  /** Opens the scope of a subject's access to their own data (Art. 15, Art. 20), in which reads are never refused. */
  public static PurposeScope subjectAccess() {
    return push(new PurposeScope(Kind.SUBJECT_ACCESS, null, null));
  }

  /** Returns the innermost scope open on this thread, if any. */
  public static Optional<PurposeScope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Returns the innermost scope open on this thread, or {@code null}: the interceptor's allocation-free read. */
  static @Nullable PurposeScope innermost() {
    return CURRENT.get();
  }

  private static PurposeScope push(PurposeScope scope) {
    PersistenceInterceptor.flushUnitOnThisThread(); // changes made before it belong to the scope around it
    CURRENT.set(scope);
    return scope;
  }

  /** Returns what the scope was opened for. */
  public Kind kind() {
    return kind;
  }

  /** Returns the purpose's id for a {@link Kind#PURPOSE} scope; empty for the others. */
  public Optional<String> purpose() {
    return Optional.ofNullable(purpose);
  }

  /** Returns the actor audit entries made in the scope name, its own or the enclosing scope's, if one was given. */
  public Optional<Actor> actor() {
    return Optional.ofNullable(actor);
  }

  @Nullable String purposeOrNull() {
    return purpose;
  }

  @Nullable Actor actorOrNull() {
    return actor;
  }

  /** Returns whether changes of a restricted subject's entities pass in this scope (erasure, rectification). */
  public boolean exemptsRestriction() {
    return kind == Kind.ERASURE || kind == Kind.RECTIFICATION;
  }

  /**
   * Closes the scope and puts the one around it back in force; closing it again does nothing.
   *
   * <p>Inside a unit of work, flushes it first, so that the changes made in the scope are checked and counted in it.
   *
   * @throws IllegalStateException if called on another thread than the one that opened it, or while a scope opened
   *     inside it is still open
   * @throws SubjectRestrictedException if that flush writes a change of a restricted subject (the scope is closed all
   *     the same)
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException("a purpose scope must be closed on the thread that opened it");
    }
    if (CURRENT.get() != this) {
      throw new IllegalStateException("a purpose scope opened inside this one is still open; close it first");
    }
    closed = true;
    try {
      PersistenceInterceptor.flushUnitOnThisThread(); // changes made in it are checked and counted in it
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Returns the kind and purpose, such as {@code PurposeScope[PURPOSE billing]}. */
  @Override
  public String toString() {
    return "PurposeScope[" + kind + (purpose == null ? "" : " " + purpose) + "]";
  }
}
