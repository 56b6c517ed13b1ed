package org.safepassage.petitions.signing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.CountryCode;
import org.safepassage.shared.validation.PersonName;
import org.safepassage.shared.validation.PlainText;

/** What a supporter types to sign. No account, nothing else asked. */
public record SignatureForm(@NotBlank @Size(max = 100) @PlainText @PersonName String name,
		@NotBlank @Size(max = 254) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+",
				message = "{validation.email}") @PlainText String email,
		@NotBlank(message = "{validation.country}") @CountryCode(message = "{validation.country}") String country,
		@Size(max = 12) @PlainText String postcode, Boolean keepUpdated) {

	/** An unticked box sends nothing at all. */
	boolean wantsUpdates() {
		return Boolean.TRUE.equals(keepUpdated);
	}

	public static SignatureForm empty() {
		return new SignatureForm("", "", "", "", false);
	}
}
