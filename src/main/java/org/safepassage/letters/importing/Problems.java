package org.safepassage.letters.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** Bad rows as they are found: the first few listed, all counted. */
final class Problems {

	private final MessageSource messages;

	private final Locale locale;

	private final int listed;

	private final List<ImportProblem> found = new ArrayList<>();

	private long count;

	Problems(MessageSource messages, Locale locale, int listed) {
		this.messages = messages;
		this.locale = locale;
		this.listed = listed;
	}

	void add(long line, String column, String key, Object... args) {
		addText(line, column, messages.getMessage(key, args, locale));
	}

	void addText(long line, String column, String message) {
		count++;
		if (found.size() < listed) {
			found.add(new ImportProblem(line, column, message));
		}
	}

	String message(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	boolean any() {
		return count > 0;
	}

	long count() {
		return count;
	}

	List<ImportProblem> listed() {
		return List.copyOf(found);
	}

}
