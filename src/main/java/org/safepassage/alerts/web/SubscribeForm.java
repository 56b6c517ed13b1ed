package org.safepassage.alerts.web;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PersonName;
import org.safepassage.shared.validation.PlainText;

/**
 * What a supporter types to subscribe: an address, an optional name, a language and at
 * least one topic.
 */
record SubscribeForm(
		@NotBlank @Size(max = 254) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+",
				message = "{validation.email}") @PlainText String email,
		@Size(max = 100) @PlainText @PersonName String name, @NotBlank @Size(max = 10) String language,
		@NotEmpty(message = "{alerts.topics.invalid}") @Size(max = 3) @OneOf(value = AlertKind.class,
				message = "{alerts.topics.invalid}") List<String> topics) {

	static SubscribeForm empty(String language) {
		return new SubscribeForm("", "", language, List.of("PRAYER", "ACTION", "NEWS"));
	}

	/** Call only once the form is valid: the topics' names, each once. */
	List<String> topicList() {
		return topics.stream().map(t -> EnumNames.parse(AlertKind.class, t).name()).distinct().toList();
	}

	String nameOrNull() {
		return FormValues.text(name);
	}
}
