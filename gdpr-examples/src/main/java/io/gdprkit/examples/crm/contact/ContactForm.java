package io.gdprkit.examples.crm.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A new contact as staff enter it, or as an import or the API delivers it. */
public record ContactForm(
    @NotNull ContactKind kind,
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 320) @Nullable String email,
    @Size(max = 40) @Nullable String phone,
    @Past @Nullable LocalDate birthDate) {

  @Override
  public String toString() {
    return "ContactForm[" + kind + "]";
  }
}
