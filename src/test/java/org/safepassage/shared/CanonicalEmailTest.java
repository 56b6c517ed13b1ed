package org.safepassage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalEmailTest {

	@Test
	void ignoresCaseEverywhere() {
		assertThat(CanonicalEmail.of(" Kim.Min@Example.ORG ")).isEqualTo("kim.min@example.org");
	}

	@Test
	void dropsTagsAtEveryProviderButKeepsDotsWhereTheyCount() {
		assertThat(CanonicalEmail.of("kim.min+news@example.org")).isEqualTo("kim.min@example.org");
		assertThat(CanonicalEmail.of("Victim+17@Example.ORG")).isEqualTo("victim@example.org");
		assertThat(CanonicalEmail.of("a+b+c@example.org")).isEqualTo("a@example.org");
	}

	@Test
	void keepsALocalPartThatIsOnlyATag() {
		assertThat(CanonicalEmail.of("+news@example.org")).isEqualTo("+news@example.org");
	}

	@Test
	void dropsDotsAndTagsAtGmail() {
		assertThat(CanonicalEmail.of("Kim.Min+petition@gmail.com")).isEqualTo("kimmin@gmail.com");
		assertThat(CanonicalEmail.of("k.i.m.min@googlemail.com")).isEqualTo("kimmin@gmail.com");
	}

	@Test
	void leavesUnicodeLocalPartsAlone() {
		assertThat(CanonicalEmail.of("김민@example.kr")).isEqualTo("김민@example.kr");
	}

}
