package io.gdprkit.examples.crm.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The sign-up form: who the person is, their date of birth (for the Art. 8 check, reduced to an answer before
 * anything is stored), the member state whose age of digital consent applies, and one unticked box per kind of
 * e-mail (Art. 7(2), recital 32: silence or pre-ticked boxes are no consent).
 */
public record SignupForm(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Email @Size(max = 320) String email,
    @NotNull @Past @Nullable LocalDate birthDate,
    @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
    boolean newsletter,
    boolean offers,
    boolean invitations) {

  /** An empty form, every box unticked. */
  public static SignupForm empty() {
    return new SignupForm("", "", null, "DE", false, false, false);
  }

  @Override
  public String toString() {
    return "SignupForm[" + country + "]";
  }
}
