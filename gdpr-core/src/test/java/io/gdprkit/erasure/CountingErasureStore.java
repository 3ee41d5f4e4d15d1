package io.gdprkit.erasure;

import io.gdprkit.erasure.spi.ErasureStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An erasure store that counts the calls of each method it forwards, and can fail a method's next call. */
final class CountingErasureStore {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
  final ErasureStore store;

  CountingErasureStore(ErasureStore delegate) {
    this.store = (ErasureStore) Proxy.newProxyInstance(ErasureStore.class.getClassLoader(),
        new Class<?>[] {ErasureStore.class}, (proxy, method, args) -> {
          calls.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
          if (failOnce.remove(method.getName())) {
            throw new IllegalStateException("connection reset");
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Makes the next call of the method of this name fail, as a lost connection would. */
  CountingErasureStore failOnce(String method) {
    failOnce.add(method);
    return this;
  }

  /** Returns how often the method of this name was called. */
  int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }
}
