package org.safepassage.booklets.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.booklets.BookletFixtures;
import org.safepassage.booklets.domain.BookletRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff translate a booklet's title and description on the one translations page; a
 * Korean reader then finds it, orders it and gets the confirmation mail with the Korean
 * title, and a date in the second mail written as Koreans write dates. Until then the
 * reader gets the original, marked as English, with the "not yet translated" note.
 */
class BookletTranslationIntegrationTest extends IntegrationTest {

	static final String TITLE = "Praying for those sent back";

	static final String KO_TITLE = "송환된 이들을 위한 기도";

	@Autowired
	MockMvc mvc;

	@Autowired
	BookletRepository booklets;

	@Test
	void aKoreanReaderOrdersATranslatedBookletInKorean() throws Exception {
		long id = BookletFixtures.published(booklets, TITLE, 20, 5);
		mvc.perform(get("/ko/resources/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 lang=\"en\">" + TITLE + "</h1>")))
			.andExpect(content().string(containsString("class=\"untranslated\"")));

		mvc.perform(post("/admin/translations/booklet/{id}", id).with(user("c@example.org").roles("CAMPAIGNER"))
			.with(csrf())
			.param("ko.title", KO_TITLE)
			.param("ko.description", "한 달 기도 안내서입니다.\n\n둘째 문단입니다.")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/booklets/{id}", id).with(user("c@example.org").roles("CAMPAIGNER")))
			.andExpect(content().string(containsString("/admin/translations/booklet/" + id)));

		mvc.perform(get("/ko/resources")).andExpect(content().string(containsString(">" + KO_TITLE + "</a></h2>")));
		mvc.perform(get("/ko/resources/{id}", id))
			.andExpect(content().string(containsString("<h1>" + KO_TITLE + "</h1>")))
			.andExpect(content().string(containsString("<p>둘째 문단입니다.</p>")))
			.andExpect(content().string(not(containsString("class=\"untranslated\""))));
		mvc.perform(get("/resources/{id}", id)).andExpect(content().string(containsString("<h1>" + TITLE + "</h1>")));
		mvc.perform(get("/zh-Hans/resources/{id}", id))
			.andExpect(content().string(containsString("<h1 lang=\"en\">" + TITLE + "</h1>")));

		String email = "seoyeon.translated@example.org";
		mvc.perform(BookletFixtures.order(id, 2, email).header("Accept-Language", "ko"))
			.andExpect(status().is3xxRedirection());
		MimeMessage mail = BookletFixtures.await(MAIL, email, 1);
		assertThat(mail.getSubject()).isEqualTo("주문을 확인해 주세요: " + KO_TITLE);
		assertThat(MailParts.text(mail)).contains(KO_TITLE).contains("/ko/resources/confirm?token=");
		String token = BookletFixtures.confirmToken(mail);
		mvc.perform(get("/ko/resources/confirm").param("token", token))
			.andExpect(content().string(containsString(KO_TITLE)));
		mvc.perform(post("/ko/resources/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(KO_TITLE)));

		// A second order within the window gets a note naming the first order's day.
		clock.advance(Duration.ofDays(3));
		mvc.perform(BookletFixtures.order(id, 1, email).header("Accept-Language", "ko"))
			.andExpect(status().is3xxRedirection());
		MimeMessage note = BookletFixtures.await(MAIL, email, 2);
		assertThat(note.getSubject()).isEqualTo("이미 주문하셨습니다: " + KO_TITLE);
		assertThat(MailParts.text(note)).containsPattern("\\d{4}년 \\d{1,2}월 \\d{1,2}일")
			.doesNotContainPattern("\\b\\d{1,2} \\d{1,2}월 \\d{4}\\b");
	}

}
