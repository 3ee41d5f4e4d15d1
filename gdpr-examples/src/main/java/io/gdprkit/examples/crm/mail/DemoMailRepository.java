package io.gdprkit.examples.crm.mail;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The in-app outbox. */
public interface DemoMailRepository extends JpaRepository<DemoMail, String> {

  List<DemoMail> findAllByOrderBySentAtDesc();
}
