package io.gdprkit.examples.crm.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The CRM's contacts, through Spring Data JPA: the host's own repository, which the kit audits and restricts. */
public interface ContactRepository extends JpaRepository<Contact, String> {

  List<Contact> findAllByOrderByCreatedAtDesc();

  List<Contact> findByParent(Contact parent);

  List<Contact> findByUser(Contact user);

  List<Contact> findByCompany(Contact company);

  Optional<Contact> findFirstByEmailIgnoreCase(String email);
}
