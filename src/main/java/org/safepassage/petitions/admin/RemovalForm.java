package org.safepassage.petitions.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.PlainText;

/**
 * Staff remove a signature at its signer's request: the signer's address to find it, and
 * why (kept with the erased signature, so not the address itself).
 */
record RemovalForm(@NotBlank @Size(max = 254) @PlainText String email, @Size(max = 500) @PlainText String reason) {

	static RemovalForm empty() {
		return new RemovalForm("", "");
	}

}
