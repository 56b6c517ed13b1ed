package org.safepassage.booklets.ordering;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.CountryCode;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.PersonName;
import org.safepassage.shared.validation.PlainText;

/**
 * An order as a supporter sends it: how many copies in which language, and where to post
 * them, written the international way (lines, town, region, postcode, country; region and
 * postcode may be empty, as many countries have neither). Whether the language, country
 * and quantity suit the booklet is checked against it ({@link Ordering}).
 */
public record OrderForm(
		@NotNull(message = "{booklets.quantity.required}") @Min(value = 1, message = "{booklets.quantity.range}") @Max(
				value = 100, message = "{booklets.quantity.range}") Integer quantity,
		@NotBlank(message = "{booklets.language.required}") @Size(max = 16) @PlainText String language,
		@NotBlank @Size(max = 100) @PlainText @PersonName String name,
		@NotBlank @Size(max = 120) @PlainText String line1, @Size(max = 120) @PlainText String line2,
		@NotBlank @Size(max = 80) @PlainText String town, @Size(max = 80) @PlainText String region,
		@Size(max = 16) @PlainText String postcode,
		@NotBlank(message = "{validation.country}") @CountryCode String country,
		@NotBlank @Size(max = 254) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+",
				message = "{validation.email}") @PlainText String email) {

	public static OrderForm start(String language, String country) {
		return new OrderForm(1, language, "", "", "", "", "", "", country, "");
	}

	/** The country as an upper-case ISO code. */
	public String countryCode() {
		return FormValues.countryCode(country);
	}

}
