package org.safepassage.system.translations;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a module lets staff translate: one bean per kind of record. Only the fields listed
 * here can be saved, within their lengths, and only by the roles named.
 */
public interface TranslatableKind {

	/** The kind as stored and as it appears in addresses, e.g. {@code petition}. */
	String kind();

	/** The translatable fields, in the order the staff page shows them. */
	List<Field> fields();

	/**
	 * The original text of each field, in the language the record is written in; empty
	 * when the record does not exist.
	 */
	Optional<Map<String, String>> originals(long id);

	/**
	 * The language the record is written in, when it is not the default one (an alert
	 * written in Korean): it can then be translated into every other offered language,
	 * the default included, and never into its own. Empty (the default) for kinds whose
	 * records are always written in the default language.
	 */
	default Optional<Locale> writtenIn(long id) {
		return Optional.empty();
	}

	/** What the staff page calls the record (its title). */
	String title(long id);

	/**
	 * The record's public page, without a language prefix; {@code null} when it has none.
	 */
	String publicPath(long id);

	/**
	 * The staff roles (without {@code ROLE_}) that may translate this kind; any of them.
	 */
	List<String> requiredRoles();

	/** The staff page of the record, linked back to from the translations page. */
	String adminPath(long id);

	/**
	 * A translatable field.
	 *
	 * @param name as stored, e.g. {@code title}
	 * @param labelKey the message key of its label on the staff page
	 * @param maxLength the same limit as the original field's
	 * @param multiline whether line breaks are kept (one demand per line...)
	 */
	record Field(String name, String labelKey, int maxLength, boolean multiline) {
	}

	default Optional<Field> field(String name) {
		return fields().stream().filter(f -> f.name().equals(name)).findFirst();
	}

}
