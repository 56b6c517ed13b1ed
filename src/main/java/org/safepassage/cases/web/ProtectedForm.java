package org.safepassage.cases.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Size;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.ProtectedPart;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;

/**
 * The protected part as a caseworker types it. Writing needs no reading: a field left
 * empty keeps its value, a field ticked under {@code erase} is emptied. The form never
 * shows a stored value, so it is never a way around the audited reveal.
 */
record ProtectedForm(@Size(max = 300) @PlainText String realName, @Size(max = 1000) @PlainText String otherNames,
		@Size(max = 40) @PlainText String birthDate, @Size(max = 5000) @PlainText(multiline = true) String family,
		@Size(max = 5000) @PlainText(multiline = true) String contacts,
		@Size(max = 5000) @PlainText(multiline = true) String exactPlaces,
		@Size(max = 20000) @PlainText(multiline = true) String notes,
		@Size(max = 10) @OneOf(value = CaseField.class, message = "{cases.field.invalid}") List<String> erase) {

	static ProtectedForm empty() {
		return new ProtectedForm("", "", "", "", "", "", "", List.of());
	}

	/** The fields to seal: those typed, and those to erase (as empty). */
	ProtectedPart changes() {
		Map<CaseField, String> values = new EnumMap<>(CaseField.class);
		put(values, CaseField.REAL_NAME, realName);
		put(values, CaseField.OTHER_NAMES, otherNames);
		put(values, CaseField.BIRTH_DATE, birthDate);
		put(values, CaseField.FAMILY, family);
		put(values, CaseField.CONTACTS, contacts);
		put(values, CaseField.EXACT_PLACES, exactPlaces);
		put(values, CaseField.NOTES, notes);
		if (erase != null) {
			erase.stream()
				.map(name -> CaseField.protectedByColumn(name.toLowerCase(Locale.ROOT)))
				.flatMap(Optional::stream)
				.forEach(field -> values.put(field, ""));
		}
		return ProtectedPart.of(values);
	}

	private static void put(Map<CaseField, String> values, CaseField field, String value) {
		if (value != null && !value.isBlank()) {
			values.put(field, value);
		}
	}

}
