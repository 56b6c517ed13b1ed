package org.safepassage.letters.writing;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.PersonName;
import org.safepassage.shared.validation.PlainText;

/**
 * What a supporter sends to write: the representatives chosen, their own letter, and who
 * and where they are. The postcode is checked against each representative's area.
 */
public record WriteForm(@NotBlank(message = "{letters.postcode.required}") @Size(max = 12) @PlainText String postcode,
		@NotEmpty(message = "{letters.representatives.required}") @Size(max = 10) List<Long> representatives,
		@NotBlank(message = "{letters.letter.required}") @Size(max = WriteForm.MAX_LETTER,
				message = "{letters.letter.tooLong}") @PlainText(multiline = true) @NoMarkup String letter,
		@NotBlank @Size(max = 100) @PlainText @PersonName String name,
		@NotBlank @Size(max = 500) @PlainText(multiline = true) @NoMarkup String address,
		@NotBlank @Size(max = 100) @PlainText @NoMarkup String town,
		@NotBlank @Size(max = 254) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+",
				message = "{validation.email}") @PlainText String email) {

	public static final int MAX_LETTER = 6000;

	public WriteForm {
		representatives = representatives == null ? List.of() : representatives;
	}

	public static WriteForm start(String postcode, String suggestedLetter) {
		return new WriteForm(postcode, List.of(), suggestedLetter, "", "", "", "");
	}

}
