package org.safepassage.booklets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.safepassage.shared.RuleViolation;

class BookletTest {

	static Booklet draft(List<String> languages) {
		return new Booklet(1, new BookletContent("Guide", "About", languages, List.of("GB"), 5), BookletState.DRAFT, 0,
				false);
	}

	@Test
	void aDraftIsPublishedAndUnpublishedOnlyFromTheRightStates() {
		Booklet published = draft(List.of("en")).publish();
		assertThat(published.isPublished()).isTrue();
		assertThat(published.inStock()).isFalse();
		assertThatThrownBy(published::publish).isInstanceOf(RuleViolation.class)
			.hasFieldOrPropertyWithValue("messageKey", "booklets.rule.alreadyPublished");
		Booklet unpublished = published.unpublish();
		assertThat(unpublished.state()).isEqualTo(BookletState.UNPUBLISHED);
		assertThatThrownBy(unpublished::unpublish).hasFieldOrPropertyWithValue("messageKey",
				"booklets.rule.unpublishOnlyPublished");
		assertThat(unpublished.publish().isPublished()).isTrue();
	}

	@Test
	void aBookletWithoutALanguageCannotBePublished() {
		assertThatThrownBy(() -> draft(List.of()).publish()).hasFieldOrPropertyWithValue("messageKey",
				"booklets.rule.publishNeedsChoices");
	}

}
