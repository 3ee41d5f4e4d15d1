package io.gdprkit.recipient;

import io.gdprkit.recipient.spi.RecipientNotifier;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what it delivers; recipients named in {@link #down} fail as an unreachable endpoint would. */
final class RecordingNotifier implements RecipientNotifier {

  final List<Notification> delivered = new CopyOnWriteArrayList<>();
  final Set<String> down = ConcurrentHashMap.newKeySet();

  @Override
  public void deliver(Recipient recipient, Notification notification) {
    if (down.contains(recipient.id())) {
      throw new IllegalStateException("endpoint of " + recipient.id() + " unreachable");
    }
    delivered.add(notification);
  }

  List<String> recipientsTold(NotificationReason reason) {
    return delivered.stream().filter(n -> n.reason() == reason).map(Notification::recipient).toList();
  }
}
