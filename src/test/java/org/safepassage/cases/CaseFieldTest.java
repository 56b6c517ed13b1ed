package org.safepassage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safepassage.cases.domain.AgeBand;
import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.CaseState;
import org.safepassage.cases.domain.Gender;
import org.safepassage.cases.domain.ProtectedPart;
import org.safepassage.cases.domain.PublicCase;
import org.safepassage.cases.domain.Situation;
import org.safepassage.shared.RuleViolation;

/** The allow-list of public fields, and the case's guarded publication. */
class CaseFieldTest {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	static Case draft() {
		return Case.draft("C-2026-0001", "abcdefghjk", 1, new CaseContent("Ms K.", AgeBand.UNDER_25, Gender.FEMALE,
				Situation.DETAINED, LocalDate.of(2023, 10, 1), null, "Story.", CaseContent.Links.none()), "a");
	}

	@Test
	void publicCaseHoldsExactlyTheFieldsDeclaredPublic() {
		List<String> components = Arrays.stream(PublicCase.class.getRecordComponents())
			.map(c -> c.getName())
			.sorted()
			.toList();
		List<String> declared = CaseField.publicFields().stream().map(f -> camel(f.column())).sorted().toList();
		assertThat(components).isEqualTo(declared);
		assertThat(CaseField.protectedFields()).extracting(CaseField::column)
			.containsExactly("real_name", "other_names", "birth_date", "family", "contacts", "exact_places", "notes");
		// Content, the public part as edited, has no protected component at all.
		assertThat(Arrays.stream(CaseContent.class.getRecordComponents()).map(c -> c.getName()))
			.noneMatch(name -> CaseField.protectedFields().stream().anyMatch(f -> camel(f.column()).equals(name)));
	}

	@Test
	void protectedValuesNeverShowInText() {
		ProtectedPart part = ProtectedPart.of(Map.of(CaseField.REAL_NAME, "Secret Name"));
		assertThat(part.toString()).doesNotContain("Secret Name");
		assertThatThrownBy(() -> ProtectedPart.of(Map.of(CaseField.PSEUDONYM, "x")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(CaseField.REAL_NAME.context(12)).isEqualTo("case 12 real_name");
	}

	@Test
	void publicationNeedsASecondPersonAndWithdrawingIsImmediate() {
		Case file = draft();
		assertThatThrownBy(() -> file.approve("b", NOW)).isInstanceOf(RuleViolation.class);
		file.requestPublication("a", NOW);
		assertThat(file.state()).isEqualTo(CaseState.PENDING_REVIEW);
		assertThatThrownBy(() -> file.approve("A", NOW)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("cases.rule.secondPerson");
		file.approve("b", NOW);
		assertThat(file.published().pseudonym()).isEqualTo("Ms K.");
		assertThat(file.published().publishedAt()).isEqualTo(NOW);
		assertThat(file.hasUnpublishedChanges()).isFalse();

		file.revise(new CaseContent("Ms K.", null, null, Situation.RETURNED, null, null, "New story.",
				CaseContent.Links.none()));
		assertThat(file.published().story()).isEqualTo("Story.");
		assertThat(file.hasUnpublishedChanges()).isTrue();
		file.requestPublication("a", NOW);
		assertThat(file.published()).isNotNull();
		file.revise(file.content());
		assertThat(file.state()).as("a change sends the request back").isEqualTo(CaseState.PUBLISHED);

		file.withdraw(NOW);
		assertThat(file.published()).isNull();
		assertThat(file.state()).isEqualTo(CaseState.WITHDRAWN);
		assertThatThrownBy(() -> file.withdraw(NOW)).isInstanceOf(RuleViolation.class);
	}

	@Test
	void translationsArePublishedOnlyWithTheApprovedCopy() {
		Case file = draft();
		CaseContent translated = new CaseContent("Ms K.", AgeBand.UNDER_25, Gender.FEMALE, Situation.DETAINED,
				LocalDate.of(2023, 10, 1), null, "Story.", Map.of("ko", " 이야기. ", "zh-Hans", "  "),
				CaseContent.Links.none());
		assertThat(translated.storyTranslations()).as("stripped, blank ones dropped").isEqualTo(Map.of("ko", "이야기."));
		file.revise(translated);
		file.requestPublication("a", NOW);
		file.approve("b", NOW);
		assertThat(file.published().storyTranslations()).isEqualTo(Map.of("ko", "이야기."));
		assertThat(file.published().story("ko")).isEqualTo("이야기.");
		assertThat(file.published().story("zh-Hant")).isEqualTo("Story.");

		file.revise(new CaseContent("Ms K.", AgeBand.UNDER_25, Gender.FEMALE, Situation.DETAINED,
				LocalDate.of(2023, 10, 1), null, "Story.", Map.of("ko", "새 이야기."), CaseContent.Links.none()));
		assertThat(file.hasUnpublishedChanges()).as("a changed translation is a change").isTrue();
		assertThat(file.published().storyTranslations()).containsEntry("ko", "이야기.");
		file.requestPublication("a", NOW);
		assertThatThrownBy(() -> file.approve("a", NOW)).isInstanceOf(RuleViolation.class);
		file.approve("b", NOW);
		assertThat(file.published().storyTranslations()).containsEntry("ko", "새 이야기.");
	}

	private static String camel(String column) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
