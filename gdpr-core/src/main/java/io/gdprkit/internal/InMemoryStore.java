package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Marks the bundled stores that keep everything in this JVM's memory. A kit built only on them may generate its
 * keys, since nothing they hashed or wrapped outlives the JVM either; any other store makes the builder insist
 * that the host supplies every key.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public interface InMemoryStore {
}
