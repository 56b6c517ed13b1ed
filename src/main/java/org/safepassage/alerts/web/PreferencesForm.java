package org.safepassage.alerts.web;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.shared.validation.PlainText;

/** A subscriber's own settings, reached through the signed link in every mail. */
public record PreferencesForm(@Size(max = 100) @PlainText String name, @NotBlank @Size(max = 10) String language,
		@Size(max = 3) List<String> topics, @Size(max = 100) List<Long> campaigns) {

	@AssertTrue(message = "{alerts.topics.invalid}")
	public boolean isTopicsValid() {
		return topics == null || topics.stream().allMatch(t -> AlertKind.parse(t) != null);
	}

	public List<String> topicList() {
		return topics == null ? List.of() : topics.stream().filter(t -> AlertKind.parse(t) != null).distinct().toList();
	}

	public List<Long> campaignList() {
		return campaigns == null ? List.of() : campaigns.stream().filter(Objects::nonNull).distinct().toList();
	}

	public String nameOrNull() {
		return name == null || name.isBlank() ? null : name.strip();
	}
}
