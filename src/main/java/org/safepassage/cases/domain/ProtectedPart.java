package org.safepassage.cases.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Protected values on their way to being sealed, or just revealed; never stored in plain
 * text, never logged ({@link #toString()} names the fields only).
 */
public final class ProtectedPart {

	private final Map<CaseField, String> values;

	private ProtectedPart(Map<CaseField, String> values) {
		this.values = values;
	}

	public static ProtectedPart of(Map<CaseField, String> values) {
		Map<CaseField, String> copy = new EnumMap<>(CaseField.class);
		values.forEach((field, value) -> {
			if (!field.isProtected()) {
				throw new IllegalArgumentException(field + " is not a protected field");
			}
			copy.put(field, value);
		});
		return new ProtectedPart(copy);
	}

	public Map<CaseField, String> values() {
		return Collections.unmodifiableMap(this.values);
	}

	public String get(CaseField field) {
		return this.values.get(field);
	}

	@Override
	public String toString() {
		return "ProtectedPart" + this.values.keySet();
	}

}
