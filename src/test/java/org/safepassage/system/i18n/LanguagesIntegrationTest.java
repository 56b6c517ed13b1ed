package org.safepassage.system.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.system.SafePassageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 15: the language comes from the address, then the switcher's cookie, then
 * Accept-Language; pages say which language they are in and where they are in the others;
 * mail follows the language the person signed in.
 */
class LanguagesIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository petitions;

	@Autowired
	SafePassageProperties site;

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aPrefixedAddressGivesThePageInItsLanguageAndItsLinksKeepThePrefix() throws Exception {
		long id = Petitions.openPetition(petitions, "Stop the forced returns (prefix)");
		String korean = page(get("/ko/petitions/{id}", id));
		assertThat(korean).contains("<html lang=\"ko\"")
			.contains("href=\"/ko/petitions\"")
			.contains("action=\"/ko/petitions/" + id + "/signatures\"")
			.contains(">청원<")
			// assets are the same in every language
			.contains("href=\"/css/site.css\"")
			.doesNotContain("href=\"/ko/css/");
		String chinese = page(get("/zh-Hant/petitions/{id}", id));
		assertThat(chinese).contains("<html lang=\"zh-Hant\"").contains("href=\"/zh-Hant/petitions\"").contains(">請願<");
		String english = page(get("/petitions/{id}", id));
		assertThat(english).contains("<html lang=\"en\"")
			.contains("href=\"/petitions\"")
			.doesNotContain("/ko/petitions\"");
	}

	@Test
	void eachPageNamesItsOtherLanguagesAndItsCanonicalAddress() throws Exception {
		long id = Petitions.openPetition(petitions, "Stop the forced returns (alternates)");
		String korean = page(get("/ko/petitions/{id}", id));
		String base = site.baseUrl();
		assertThat(korean).contains("<link rel=\"canonical\" href=\"" + base + "/ko/petitions/" + id + "\">")
			.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"" + base + "/petitions/" + id + "\">")
			.contains("<link rel=\"alternate\" hreflang=\"ko\" href=\"" + base + "/ko/petitions/" + id + "\">")
			.contains("hreflang=\"zh-Hans\" href=\"" + base + "/zh-Hans/petitions/" + id + "\">")
			.contains("hreflang=\"zh-Hant\" href=\"" + base + "/zh-Hant/petitions/" + id + "\">")
			.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base + "/petitions/" + id + "\">");
		// The switcher: each language in its own words, marked with its language.
		assertThat(korean)
			.contains("href=\"/zh-Hans/petitions/" + id + "?lang=zh-Hans\" lang=\"zh-Hans\" hreflang=\"zh-Hans\"")
			.contains(">简体中文<")
			.contains(">繁體中文<")
			.contains("href=\"/petitions/" + id + "?lang=en\" lang=\"en\" hreflang=\"en\"")
			.contains("aria-current=\"true\">한국어<");
	}

	@Test
	void theSwitcherRemembersTheChoiceInACookie() throws Exception {
		long id = Petitions.openPetition(petitions, "Stop the forced returns (switcher)");
		mvc.perform(get("/ko/petitions/{id}", id).param("lang", "ko"))
			.andExpect(status().isOk())
			.andExpect(cookie().value("safepassage-lang", "ko"));
		// Later, at an address without a language, the remembered one wins over the
		// browser's.
		String later = page(get("/petitions/{id}", id).cookie(new Cookie("safepassage-lang", "ko"))
			.header("Accept-Language", "en-GB,en;q=0.9"));
		assertThat(later).contains("<html lang=\"ko\"");
		// The address wins over the cookie.
		String addressed = page(get("/zh-Hans/petitions/{id}", id).cookie(new Cookie("safepassage-lang", "ko")));
		assertThat(addressed).contains("<html lang=\"zh-Hans\"");
	}

	@Test
	void aTaiwaneseBrowserReadsTraditionalChineseAndAMainlandOneSimplified() throws Exception {
		long id = Petitions.openPetition(petitions, "Stop the forced returns (browser)");
		assertThat(page(get("/petitions/{id}", id).header("Accept-Language", "zh-TW,zh;q=0.9,en;q=0.5")))
			.contains("<html lang=\"zh-Hant\"");
		assertThat(page(get("/petitions/{id}", id).header("Accept-Language", "zh-HK")))
			.contains("<html lang=\"zh-Hant\"");
		assertThat(page(get("/petitions/{id}", id).header("Accept-Language", "zh-CN,zh;q=0.8")))
			.contains("<html lang=\"zh-Hans\"");
		assertThat(page(get("/petitions/{id}", id).header("Accept-Language", "fr-FR,ko;q=0.5")))
			.contains("<html lang=\"ko\"");
	}

	@Test
	void anUnsupportedPrefixIsNotFoundAndMakesNoLanguage() throws Exception {
		long id = Petitions.openPetition(petitions, "Stop the forced returns (unknown)");
		mvc.perform(get("/fr/petitions/{id}", id)).andExpect(status().isNotFound());
		mvc.perform(get("/xx-Latn/petitions/{id}", id)).andExpect(status().isNotFound());
		// The default language has no prefix of its own.
		mvc.perform(get("/en/petitions/{id}", id)).andExpect(status().isNotFound());
	}

	@Test
	void redirectsKeepThePrefix() throws Exception {
		mvc.perform(get("/ko/")).andExpect(redirectedUrl("/ko/petitions"));
		mvc.perform(get("/ko")).andExpect(redirectedUrl("/ko/petitions"));
		mvc.perform(get("/")).andExpect(redirectedUrl("/petitions"));
	}

	@Test
	void staffPagesAreProtectedUnderAPrefixToo() throws Exception {
		mvc.perform(get("/ko/admin")).andExpect(status().is3xxRedirection());
		int status = mvc.perform(get("/ko/admin/staff")).andReturn().getResponse().getStatus();
		assertThat(status).isIn(302, 401, 403);
	}

	@Test
	void signingFromAKoreanPageSendsTheConfirmationInKorean() throws Exception {
		long id = Petitions.openPetition(petitions, "Stop the forced returns (mail)");
		mvc.perform(post("/ko/petitions/{id}/signatures", id).with(csrf())
			.param("name", "김서연")
			.param("email", "seoyeon.i18n@example.org")
			.param("country", "KR")
			.param("postcode", "")
			.param("keepUpdated", "false")).andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Arrays.stream(MAIL.getReceivedMessages())
				.anyMatch(m -> GreenMailUtil.getHeaders(m).contains("seoyeon.i18n@example.org")));
		MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> GreenMailUtil.getHeaders(m).contains("seoyeon.i18n@example.org"))
			.findFirst()
			.orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("서명을 확인해 주세요: Stop the forced returns (mail)");
		// Its links lead to the pages in Korean.
		assertThat(MailParts.text(mail)).contains("/ko/signatures/confirm?token=");
	}

	@Test
	void anErrorPageUnderAPrefixIsInThatLanguage() throws Exception {
		String body = mvc.perform(get("/ko/petitions/999999999"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("<html lang=\"ko\"").contains("href=\"/ko/petitions\"");
	}

}
