package org.safepassage.petitions.web;

import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.PlainText;

/**
 * The public verify form's text part: a pasted SHA-256 digest (64 hex digits, spaces
 * around allowed). The CSV comes as a separate file part.
 */
record VerifyForm(@Size(max = 200) @PlainText String digest) {

	static VerifyForm empty() {
		return new VerifyForm("");
	}

}
