package org.safepassage.shared.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * The one way text from a form, a CSV file or a query string becomes an enum constant:
 * surrounding space ignored, any case.
 */
public final class EnumNames {

	private EnumNames() {
	}

	/** The constant named by the text, if any. */
	public static <E extends Enum<E>> Optional<E> find(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

	/** Whether the text names a constant of an enum known only at run time. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static boolean names(Class<? extends Enum> type, String text) {
		return find((Class) type, text).isPresent();
	}

	/**
	 * The constant named by text that passed {@link OneOf}; {@code null} when it was left
	 * empty.
	 * @throws IllegalArgumentException when the text names no constant
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return find(type, text)
			.orElseThrow(() -> new IllegalArgumentException("No " + type.getSimpleName() + " named " + text));
	}

}
