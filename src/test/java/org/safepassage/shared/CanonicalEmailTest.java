package org.safepassage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalEmailTest {

	@Test
	void ignoresCaseEverywhere() {
		assertThat(CanonicalEmail.of(" Kim.Min@Example.ORG ")).isEqualTo("kim.min@example.org");
	}

	@Test
	void keepsDotsAndTagsWhereTheProviderDoesNotIgnoreThem() {
		assertThat(CanonicalEmail.of("kim.min+news@example.org")).isEqualTo("kim.min+news@example.org");
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
