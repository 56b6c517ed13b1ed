package org.safepassage.letters.writing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterTextTest {

	static final String TEMPLATE = """
			Dear member, I ask you to raise the forced return of North Korean refugees from China in Parliament \
			and to press the Government to act on their behalf without delay. Yours sincerely""";

	@Test
	void placeholdersAreFilledIn() {
		assertThat(LetterText.fill("Dear {representative}, from {name} in {town}. {name}", "A MSP", "Sam", "Leith"))
			.isEqualTo("Dear A MSP, from Sam in Leith. Sam");
	}

	@Test
	void aCopyWithSmallChangesIsNearlyTheSameAndALetterInOwnWordsIsNot() {
		int[] template = LetterText.fingerprint(TEMPLATE);
		int[] copy = LetterText.fingerprint(TEMPLATE.toUpperCase() + " -- Sam, Leith!");
		int[] own = LetterText.fingerprint("""
				My grandmother crossed that river in 1998. Please ask the Foreign Office what it has said to China \
				about the people returned in October, and tell me what you will do.""");
		assertThat(LetterText.similarity(template, template)).isEqualTo(1.0);
		assertThat(LetterText.similarity(template, copy)).isGreaterThan(0.8);
		assertThat(LetterText.similarity(template, own)).isLessThan(0.1);
		assertThat(LetterText.similarity(template, new int[0])).isZero();
	}

	@Test
	void markupIsRefusedButALoneLessThanSignIsText() {
		NoMarkup.Validator validator = new NoMarkup.Validator();
		assertThat(validator.isValid("Fewer than <500 people & more", null)).isTrue();
		assertThat(validator.isValid("Dear <b>member</b>", null)).isFalse();
		assertThat(validator.isValid("<a href=\"https://example.org\">x</a>", null)).isFalse();
		assertThat(validator.isValid("an &amp; entity", null)).isFalse();
	}

}
