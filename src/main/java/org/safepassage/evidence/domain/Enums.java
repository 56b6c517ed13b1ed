package org.safepassage.evidence.domain;

import java.util.Locale;

public final class Enums {

	private Enums() {
	}

	/**
	 * Tolerates case, spaces and hyphens as people and spreadsheets write them; null when
	 * not a constant.
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank() || value.length() > 40) {
			return null;
		}
		String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

}
