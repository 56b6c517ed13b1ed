package org.safepassage.alerts.web;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PersonName;
import org.safepassage.shared.validation.PlainText;

/** A subscriber's own settings, reached through the signed link in every mail. */
record PreferencesForm(@Size(max = 100) @PlainText @PersonName String name, @NotBlank @Size(max = 10) String language,
		@Size(max = 3) @OneOf(value = AlertKind.class, message = "{alerts.topics.invalid}") List<String> topics,
		@Size(max = 100) List<Long> campaigns) {

	/** Call only once the form is valid: the topics' names, each once. */
	List<String> topicList() {
		return topics == null ? List.of()
				: topics.stream().map(t -> EnumNames.parse(AlertKind.class, t).name()).distinct().toList();
	}

	List<Long> campaignList() {
		return campaigns == null ? List.of() : campaigns.stream().filter(Objects::nonNull).distinct().toList();
	}

	String nameOrNull() {
		return FormValues.text(name);
	}
}
