package org.safepassage.system.i18n;

import java.util.Locale;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * The message bundles ({@code messages/messages*.properties}), where a message that uses
 * ICU plural or select syntax ({@code {0, plural, one {# signature} other {#
 * signatures}}}) is formatted by ICU4J with the plural rules of the reader's language
 * (Korean and Chinese have one form, English two); every other message is formatted as
 * before, by {@link java.text.MessageFormat}. A key missing from a language's bundle
 * falls back to the English bundle for that key alone (the resource bundle's parent
 * chain), so a page is never half blank while translations are under way.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

	private static final Pattern ICU_SYNTAX = Pattern
		.compile("\\{\\s*[\\w]+\\s*,\\s*(?:plural|select|selectordinal)\\s*,");

	/**
	 * Patterns come from the bundles and locales from the closed list of languages (or a
	 * stored one), so this holds a few hundred formats; the bound is a safety net.
	 */
	private final Cache<Key, MessageFormat> formats = Caffeine.newBuilder().maximumSize(10_000).build();

	private record Key(String pattern, Locale locale) {
	}

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code == null || ObjectUtils.isEmpty(args)) {
			return super.getMessageInternal(code, args, locale);
		}
		Locale language = locale != null ? locale : getDefaultLocale();
		String pattern = language == null ? null : resolveCodeWithoutArguments(code, language);
		if (pattern == null || !ICU_SYNTAX.matcher(pattern).find()) {
			return super.getMessageInternal(code, args, locale);
		}
		MessageFormat format = this.formats.get(new Key(pattern, language),
				key -> new MessageFormat(key.pattern(), ULocale.forLocale(key.locale())));
		Object[] resolved = resolveArguments(args, language);
		synchronized (format) {
			return format.format(resolved);
		}
	}

	/** Whether a message pattern is formatted by ICU. */
	static boolean usesIcu(String pattern) {
		return ICU_SYNTAX.matcher(pattern).find();
	}

}
