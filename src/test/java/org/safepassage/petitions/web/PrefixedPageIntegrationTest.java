package org.safepassage.petitions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 over real HTTP (Tomcat, not MockMvc, which maps filters by the address after
 * the prefix came off): a petition page under a language prefix is in that language, its
 * links keep the prefix, and it is served from the page cache like the English one, in a
 * copy of its own.
 */
class PrefixedPageIntegrationTest extends IntegrationTest {

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	PetitionRepository petitions;

	@Autowired
	PublicPageCache pages;

	HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aKoreanPetitionPageIsKoreanKeepsItsPrefixAndIsCachedApart() throws Exception {
		long id = Petitions.openPetition(petitions, "Prefixed over HTTP");
		HttpResponse<String> korean = get("/ko/petitions/" + id);
		assertThat(korean.statusCode()).isEqualTo(200);
		assertThat(korean.headers().firstValue("Content-Language")).hasValue("ko");
		assertThat(korean.body()).contains("<html lang=\"ko\"")
			.contains("href=\"/ko/petitions\"")
			.contains("action=\"/ko/petitions/" + id + "/signatures\"");
		assertThat(pages.copiesHeld(id)).as("the Korean copy").isEqualTo(1);

		// The same language by cookie, at the English address: its own copy, with its own
		// links.
		HttpResponse<String> byCookie = get("/petitions/" + id, "Cookie", "safepassage-lang=ko");
		assertThat(byCookie.body()).contains("<html lang=\"ko\"").contains("href=\"/petitions\"");
		assertThat(pages.copiesHeld(id)).isEqualTo(2);

		HttpResponse<String> again = get("/ko/petitions/" + id);
		assertThat(again.body()).contains("href=\"/ko/petitions\"");
		assertThat(pages.copiesHeld(id)).isEqualTo(2);
	}

	@Test
	void staffPagesStayProtectedUnderAPrefix() throws Exception {
		HttpResponse<String> admin = get("/ko/admin");
		assertThat(admin.statusCode()).isIn(302, 401, 403);
		assertThat(get("/zh-Hant/admin/staff").statusCode()).isIn(302, 401, 403);
	}

	@Test
	void anUnknownPrefixIsNotFound() throws Exception {
		long id = Petitions.openPetition(petitions, "Unknown prefix over HTTP");
		assertThat(get("/fr/petitions/" + id).statusCode()).isEqualTo(404);
		assertThat(get("/ko-KR/petitions/" + id).statusCode()).isEqualTo(404);
	}

}
