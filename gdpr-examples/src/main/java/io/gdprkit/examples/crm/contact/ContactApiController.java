package io.gdprkit.examples.crm.contact;

import io.gdprkit.source.Origin;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRM's JSON API for other systems (a web shop, a school portal): a contact created here carries the calling
 * client as its source (Art. 14(2)(f)), as a form's and an import's contacts carry theirs.
 */
@RestController
public class ContactApiController {

  private final ContactService contacts;

  public ContactApiController(ContactService contacts) {
    this.contacts = contacts;
  }

  /** Creates a contact; {@code X-Client-Id} names the calling system, which becomes the contact's source tag. */
  @PostMapping("/api/contacts")
  ResponseEntity<Map<String, String>> create(@Valid @RequestBody ContactForm form,
      @RequestHeader(name = "X-Client-Id", defaultValue = "api") String client) {
    String clientId = client.matches("[A-Za-z0-9_.-]{1,64}") ? client : "api";
    Contact contact = contacts.create(form, Origin.apiClient(clientId));
    return ResponseEntity.created(URI.create("/contacts/" + contact.getId())).body(Map.of("id", contact.getId()));
  }
}
