package org.safepassage.cases;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Staff of the case tests, and a case recorded through the staff form. */
final class CaseFixtures {

	static final RequestPostProcessor CASEWORKER = user("caseworker@example.org").roles("CASEWORKER");

	static final RequestPostProcessor SECOND_CASEWORKER = user("second.caseworker@example.org").roles("CASEWORKER");

	static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	static final RequestPostProcessor RESEARCHER = user("researcher@example.org").roles("RESEARCHER");

	static final RequestPostProcessor MODERATOR = user("moderator@example.org").roles("MODERATOR");

	private CaseFixtures() {
	}

	/** The staff form for a new case; pairs of name and value replace or add fields. */
	static MockHttpServletRequestBuilder newCase(String pseudonym, String realName, String... replacements) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("pseudonym", pseudonym);
		fields.put("situation", "DETAINED");
		fields.put("situationSince", "2023-10-01");
		fields.put("ageBand", "UNDER_25");
		fields.put("gender", "FEMALE");
		fields.put("story", "She was arrested near the border and is held awaiting return.\n\nPlease pray for her.");
		fields.put("realName", realName);
		fields.put("otherNames", realName + " (as a child)");
		fields.put("birthDate", "1999-02-03");
		fields.put("family", "Mother of " + realName + ", in North Korea");
		fields.put("contacts", "Via a pastor: +00 000 " + realName);
		fields.put("exactPlaces", "Detention centre street 7, " + realName + " ward");
		fields.put("notes", "Met " + realName + " on the phone.");
		for (int i = 0; i < replacements.length; i += 2) {
			fields.put(replacements[i], replacements[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/admin/cases").with(CASEWORKER).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	static long create(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
		String location = mvc.perform(request)
			.andExpect(redirectedUrlPattern("/admin/cases/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	static String slug(JdbcClient jdbc, long id) {
		return jdbc.sql("select slug from case_file where id = ?").param(id).query(String.class).single();
	}

	/** Asked for by the first caseworker, approved by the second. */
	static void publish(MockMvc mvc, long id) throws Exception {
		mvc.perform(post("/admin/cases/{id}/request-publication", id).with(CASEWORKER).with(csrf()));
		mvc.perform(post("/admin/cases/{id}/approve", id).with(SECOND_CASEWORKER).with(csrf()));
	}

}
