package org.safepassage.petitions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.petitions.signing.SignatureForm;
import org.safepassage.petitions.signing.Signing;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 15: staff translate a petition field by field; readers get their language, or the
 * original marked as such with a note; the confirmation mail is titled in the signer's
 * language; the demo petition reads in Korean.
 */
class PetitionTranslationIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	static final RequestPostProcessor RESEARCHER = user("researcher@example.org").roles("RESEARCHER");

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository petitions;

	@Autowired
	ContentTranslations translations;

	@Autowired
	Signing signing;

	String page(String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	void translateToKorean(long id) throws Exception {
		mvc.perform(post("/admin/translations/petition/{id}", id).with(CAMPAIGNER)
			.with(csrf())
			.param("ko.title", "탈북민을 난민으로 인정하십시오")
			.param("ko.demands", "난민 지위를 부여해 주십시오\n\n강제 북송을 멈춰 주십시오")
			.param("ko.target", "")
			.param("zh-Hans.title", "")).andExpect(redirectedUrl("/admin/translations/petition/" + id));
	}

	@Test
	void aKoreanReaderGetsTheTranslationOthersTheOriginalWithANote() throws Exception {
		long id = Petitions.openPetition(petitions, "Recognise them as refugees");
		translateToKorean(id);

		String korean = page("/ko/petitions/" + id);
		assertThat(korean).contains("<h1>탈북민을 난민으로 인정하십시오</h1>")
			.contains("<li>난민 지위를 부여해 주십시오</li>")
			.contains("<li>강제 북송을 멈춰 주십시오</li>")
			.doesNotContain("Grant refugee status")
			// The background is not translated: shown in English, marked so, with the
			// note.
			.contains("<div class=\"background\" lang=\"en\">")
			.contains("Why it matters.")
			.contains("아직 한국어로 번역되지 않아");

		String traditional = page("/zh-Hant/petitions/" + id);
		assertThat(traditional).contains("<h1 lang=\"en\">Recognise them as refugees</h1>")
			.contains("<ol class=\"demands\" lang=\"en\">")
			.contains("此內容尚未譯成繁體中文");
		assertThat(page("/zh-Hant/petitions"))
			.contains("<h2 lang=\"en\"><a href=\"/zh-Hant/petitions/" + id + "\">Recognise them as refugees</a></h2>");
		assertThat(page("/ko/petitions")).contains(">탈북민을 난민으로 인정하십시오</a></h2>");

		String english = page("/petitions/" + id);
		assertThat(english).contains("<h1>Recognise them as refugees</h1>")
			.contains("<li>Grant refugee status</li>")
			.doesNotContain("탈북민")
			.doesNotContain("lang=\"en\">Recognise")
			.doesNotContain("Not yet translated");
	}

	@Test
	void theStaffPageSavesDeletesAndAuditsAndKeepsOthersOut() throws Exception {
		long id = Petitions.openPetition(petitions, "Staff translate this");
		mvc.perform(get("/admin/translations/petition/{id}", id).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Staff translate this")))
			.andExpect(content().string(containsString("name=\"zh-Hant.background\"")));
		translateToKorean(id);
		assertThat(translations.of("petition", id, Locale.KOREAN)).containsOnlyKeys("title", "demands");
		assertThat(auditEntries(id)).isEqualTo(2);

		// A blank box deletes the translation; the reader gets the original again.
		mvc.perform(post("/admin/translations/petition/{id}", id).with(CAMPAIGNER)
			.with(csrf())
			.param("ko.title", "  ")
			.param("ko.demands", "난민 지위를 부여해 주십시오\n\n강제 북송을 멈춰 주십시오"));
		assertThat(translations.of("petition", id, Locale.KOREAN)).containsOnlyKeys("demands");
		assertThat(jdbc.sql("select count(*) from content_translation where kind = 'petition' and record_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(auditEntries(id)).isEqualTo(3);
		assertThat(page("/ko/petitions/" + id)).contains("<h1 lang=\"en\">Staff translate this</h1>");

		// Too long, or with control characters: refused with the values kept, nothing
		// saved.
		mvc.perform(post("/admin/translations/petition/{id}", id).with(CAMPAIGNER)
			.with(csrf())
			.param("ko.title", "가".repeat(151))
			.param("zh-Hans.target", "<b>bad\u0007</b>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("150")))
			.andExpect(content().string(containsString("&lt;b&gt;bad")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(translations.of("petition", id, Locale.KOREAN)).containsOnlyKeys("demands");

		mvc.perform(get("/admin/translations/petition/{id}", id).with(RESEARCHER)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/translations/petition/{id}", id).with(RESEARCHER).with(csrf()).param("ko.title", "x"))
			.andExpect(status().isForbidden());
		assertThat(translations.of("petition", id, Locale.KOREAN)).containsOnlyKeys("demands");
		mvc.perform(get("/admin/translations/petition/{id}", id)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/translations/nothing/{id}", id).with(CAMPAIGNER)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/translations/petition/{id}", 999_999).with(CAMPAIGNER))
			.andExpect(status().isNotFound());
	}

	@Test
	void theConfirmationMailIsTitledInTheSignersLanguage() throws Exception {
		long id = Petitions.openPetition(petitions, "Mail me in Korean");
		translateToKorean(id);
		signing.sign(new Signing.Submission(id,
				new SignatureForm("Kim Minji", "translated-signer@example.org", "KR", "", false), Locale.KOREAN,
				"192.0.2.44"));
		MimeMessage mail = AlertMailbox.await(MAIL, "translated-signer@example.org", 1);
		assertThat(mail.getSubject()).contains("탈북민을 난민으로 인정하십시오").doesNotContain("Mail me in Korean");
	}

	@Test
	void theDemoPetitionReadsInKoreanAndChinese() throws Exception {
		long demo = jdbc.sql("select id from petition where title = :title")
			.param("title", "Recognise North Koreans who have fled to China as refugees")
			.query(Long.class)
			.single();
		assertThat(page("/ko/petitions/" + demo)).contains("<h1>중국으로 탈출한 북한 주민을 난민으로 인정하십시오</h1>")
			.contains("휴먼라이츠워치")
			.doesNotContain("아직 한국어로 번역되지 않아");
		assertThat(page("/zh-Hans/petitions/" + demo)).contains("<h1>承认逃往中国的朝鲜人为难民</h1>");
		// Other tests open petitions too, so the oldest one may be on a later page of the
		// list.
		boolean listed = false;
		for (int p = 0; p < 50 && !listed; p++) {
			listed = page("/ko/petitions?page=" + p).contains(">중국으로 탈출한 북한 주민을 난민으로 인정하십시오</a></h2>");
		}
		assertThat(listed).isTrue();
		assertThat(page("/zh-Hant/petitions/" + demo)).contains("<h1>承認逃往中國的北韓人為難民</h1>");
	}

	long auditEntries(long id) {
		return jdbc.sql("select count(*) from staff_audit where action = 'translation.save' and record like :record")
			.param("record", "petition:" + id + " %")
			.query(Long.class)
			.single();
	}

}
