package org.safepassage.alerts.web;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.shared.validation.PlainText;

/**
 * What a supporter types to subscribe: an address, an optional name, a language and at
 * least one topic.
 */
public record SubscribeForm(
		@NotBlank @Size(max = 254) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+",
				message = "{validation.email}") @PlainText String email,
		@Size(max = 100) @PlainText String name, @NotBlank @Size(max = 10) String language,
		@Size(max = 3) List<String> topics) {

	static SubscribeForm empty(String language) {
		return new SubscribeForm("", "", language, List.of("PRAYER", "ACTION", "NEWS"));
	}

	@AssertTrue(message = "{alerts.topics.invalid}")
	public boolean isTopicsValid() {
		return topics != null && !topics.isEmpty() && topics.stream().allMatch(t -> AlertKind.parse(t) != null);
	}

	public List<String> topicList() {
		return topics == null ? List.of() : topics.stream().filter(t -> AlertKind.parse(t) != null).distinct().toList();
	}

	public String nameOrNull() {
		return name == null || name.isBlank() ? null : name.strip();
	}
}
