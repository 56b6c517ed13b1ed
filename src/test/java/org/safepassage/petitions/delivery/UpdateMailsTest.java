package org.safepassage.petitions.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.safepassage.system.SafePassageProperties;

class UpdateMailsTest {

	@Test
	void signersGetTheirLanguageWhenOfferedAndTheSitesFirstOtherwise() {
		UpdateMails mails = new UpdateMails(null,
				new SafePassageProperties("http://localhost", null, null, List.of(Locale.ENGLISH, Locale.KOREAN)),
				null);
		assertThat(mails.languageOf("ko-KR")).isEqualTo(Locale.KOREAN);
		assertThat(mails.languageOf("ko")).isEqualTo(Locale.KOREAN);
		assertThat(mails.languageOf("en-GB")).isEqualTo(Locale.ENGLISH);
		assertThat(mails.languageOf("fr")).isEqualTo(Locale.ENGLISH);
		assertThat(mails.languageOf(null)).isEqualTo(Locale.ENGLISH);
		assertThat(mails.languageOf("not a tag")).isEqualTo(Locale.ENGLISH);
	}

}
