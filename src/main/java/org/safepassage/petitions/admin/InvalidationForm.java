package org.safepassage.petitions.admin;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.safepassage.petitions.fraud.AddressRange;
import org.safepassage.petitions.fraud.Criteria;
import org.safepassage.shared.CanonicalEmail;
import org.safepassage.shared.validation.CountryCode;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.PlainText;

/**
 * What staff type to invalidate signatures in bulk: any of the criteria (together), and
 * for the action itself a reason. Times are in the campaign's time zone, as a
 * {@code datetime-local} field sends them.
 */
@CrossField
record InvalidationForm(@Size(max = 50) @PlainText String address, @Size(max = 50) @PlainText String range,
		@Size(max = 253) @PlainText String domain,
		@Size(max = 254) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+",
				message = "{validation.email}") @PlainText String email,
		@CountryCode String country, @Size(max = 20) @PlainText String from, @Size(max = 20) @PlainText String until,
		@Size(max = 500) @PlainText String reason) implements CrossField.Checked {

	private static final Pattern DOMAIN = Pattern
		.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	static InvalidationForm empty() {
		return new InvalidationForm("", "", "", "", "", "", "", "");
	}

	@Override
	public void check(CrossField.Errors errors) {
		String a = FormValues.text(address);
		if (a != null && (a.contains("/") || AddressRange.parse(a) == null)) {
			errors.reject("address", "fraud.invalid.address");
		}
		String r = FormValues.text(range);
		if (r != null && AddressRange.parse(r) == null) {
			errors.reject("range", "fraud.invalid.range");
		}
		String d = FormValues.text(domain);
		if (d != null && d.length() <= 253 && !DOMAIN.matcher(d).matches()) {
			errors.reject("domain", "fraud.invalid.domain");
		}
		LocalDateTime start = time(from);
		LocalDateTime end = time(until);
		if (FormValues.text(from) != null && start == null) {
			errors.reject("from", "fraud.invalid.time");
		}
		if (FormValues.text(until) != null && end == null) {
			errors.reject("until", "fraud.invalid.time");
		}
		if (start != null && end != null && !end.isAfter(start)) {
			errors.reject("until", "fraud.invalid.window");
		}
		if (a == null && r == null && d == null && FormValues.text(email) == null && FormValues.text(country) == null
				&& FormValues.text(from) == null && FormValues.text(until) == null) {
			errors.reject("address", "fraud.criteriaNeeded");
		}
	}

	/** Once the form is valid. */
	Criteria toCriteria(ZoneId zone) {
		String a = FormValues.text(address);
		String r = FormValues.text(range);
		String d = FormValues.text(domain);
		String e = FormValues.text(email);
		LocalDateTime start = time(from);
		LocalDateTime end = time(until);
		return new Criteria(a == null ? null : AddressRange.parse(a).toString().replaceFirst("/\\d+$", ""),
				r == null ? null : AddressRange.parse(r).toString(), d == null ? null : d.toLowerCase(Locale.ROOT),
				e == null ? null : CanonicalEmail.of(e), FormValues.countryCode(country),
				start == null ? null : start.atZone(zone).toInstant(),
				end == null ? null : end.atZone(zone).toInstant());
	}

	private static LocalDateTime time(String text) {
		String value = FormValues.text(text);
		if (value == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

}
