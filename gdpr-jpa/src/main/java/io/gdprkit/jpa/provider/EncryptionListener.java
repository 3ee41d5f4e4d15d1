package io.gdprkit.jpa.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.jpa.provider.ListenerModel.EncryptedAttribute;
import io.gdprkit.jpa.provider.internal.Annotated;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.apiguardian.api.API;

/**
 * The entity listener of entities with {@link io.gdprkit.jpa.annotation.Encrypted @Encrypted} attributes: tells the
 * {@link EncryptedStringConverter} whose data key each value is encrypted under, and keeps the blind indexes.
 *
 * <p>Before an entity is written, it registers each encrypted value as owned by the entity, whose subject the
 * converter reads when it encrypts; after the write, it drops the registration. On persist it first gives the entity
 * its own copy of each value, so that a {@code String} shared with another subject's entity cannot mix up owners. It
 * sets each blind index to the keyed hash of the normalised value, or clears it with the value. JPA allows a
 * callback to change the entity's own basic attributes, which is all it does. See {@link JpaEncryption}.
 *
 * <p>Usage example: <pre>{@code @Entity @EntityListeners(EncryptionListener.class) class Contact { ... }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class EncryptionListener {

  /** Creates the listener; the JPA provider does. */
  public EncryptionListener() {}

  /** Gives the entity its own copy of each encrypted value, registers it, and sets the blind indexes. */
  @PrePersist
  public void beforeInsert(Object entity) {
    before(entity, true);
  }

  /** Registers each encrypted value of the changed entity and sets the blind indexes. */
  @PreUpdate
  public void beforeUpdate(Object entity) {
    before(entity, false);
  }

  /** Ends the registrations of the entity's values, now that they are written. */
  @PostPersist
  @PostUpdate
  public void afterWrite(Object entity) {
    for (EncryptedAttribute attribute : ListenerModel.of(entity.getClass()).attributes()) {
      if (Annotated.read(entity, attribute.name()) instanceof String value) {
        Provenance.disown(value, entity);
      }
    }
  }

  private static void before(Object entity, boolean insert) {
    ListenerModel model = ListenerModel.of(entity.getClass());
    for (EncryptedAttribute attribute : model.attributes()) {
      Object value = Annotated.read(entity, attribute.name());
      if (value instanceof String text) {
        String own = text;
        if (insert) {
          own = new String(text); // a fresh object, so that no other entity can own it too
          Annotated.write(entity, attribute.name(), own);
        }
        Provenance.own(own, entity, model);
      }
      if (attribute.blindIndex() != null) {
        Annotated.write(entity, attribute.blindIndex(), value instanceof String text
            ? JpaEncryption.installed().blindIndexOf(attribute, text) : null);
      }
    }
  }
}
