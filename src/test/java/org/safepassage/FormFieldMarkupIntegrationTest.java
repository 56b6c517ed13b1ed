package org.safepassage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every form field shown with an error is marked for assistive technology: the control
 * carries aria-invalid="true" and an aria-describedby naming elements of the page, its
 * error list among them. Checked on public and staff forms posted with bad input.
 */
class FormFieldMarkupIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");

	private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)(?:=\"([^\"]*)\")?");

	private static final Pattern ERROR_LIST = Pattern.compile("<ul class=\"field-errors\"([^>]*)>");

	@Autowired
	MockMvc mvc;

	@Test
	void theSignFormMarksEachFieldInError() throws Exception {
		long id = openPetition();
		String html = render(post("/petitions/{id}/signatures", id).with(csrf())
			.param("name", "")
			.param("email", "not-an-address")
			.param("country", "")
			.param("postcode", "x".repeat(40)));
		assertThat(invalidControls(html)).containsExactlyInAnyOrder("name", "email", "country", "postcode");
	}

	@Test
	void staffFormsMarkEachFieldInError() throws Exception {
		String petition = render(post("/admin/petitions").with(ADMIN)
			.with(csrf())
			.param("title", "")
			.param("target", "")
			.param("demands", "")
			.param("background", "")
			.param("signatureGoal", "")
			.param("closingDate", ""));
		assertThat(invalidControls(petition)).contains("title", "target", "demands", "background");

		String staff = render(post("/admin/staff").with(ADMIN).with(csrf()).param("email", "x").param("name", ""));
		assertThat(invalidControls(staff)).contains("email", "name", "roles");

		String incident = render(post("/admin/evidence/incidents").with(ADMIN)
			.with(csrf())
			.param("title", "")
			.param("kind", "FORCED_REPATRIATION")
			.param("datePrecision", "DAY")
			.param("date", "")
			.param("place", "")
			.param("placePrecision", "COUNTRY")
			.param("departureCountry", "")
			.param("returnCountry", "KP")
			.param("summary", ""));
		assertThat(invalidControls(incident)).contains("title", "date", "place", "departureCountry", "summary");
	}

	@Test
	void fieldsOutsideABoundFormAreMarkedToo() throws Exception {
		String subscribe = render(
				post("/alerts/subscribe").with(csrf()).param("email", "nobody").param("language", "en"));
		assertThat(invalidControls(subscribe)).contains("email");

		String timeline = render(get("/evidence/timeline").param("kind", "NOPE"));
		assertThat(invalidControls(timeline)).containsExactly("kind");
	}

	/**
	 * The names of the controls marked invalid, after checking the page's error lists and
	 * descriptions point at each other.
	 */
	static List<String> invalidControls(String html) {
		Set<String> ids = new HashSet<>();
		Matcher idMatcher = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html);
		while (idMatcher.find()) {
			ids.add(idMatcher.group(1));
		}
		List<String> invalid = new ArrayList<>();
		Set<String> described = new HashSet<>();
		Matcher control = CONTROL.matcher(html);
		while (control.find()) {
			Map<String, String> attributes = attributes(control.group(2));
			if ("hidden".equals(attributes.get("type"))) {
				continue;
			}
			String describedBy = attributes.get("aria-describedby");
			if (describedBy != null) {
				for (String id : describedBy.split(" ")) {
					assertThat(ids).as("element named by aria-describedby of %s", attributes.get("name")).contains(id);
					described.add(id);
				}
			}
			if ("true".equals(attributes.get("aria-invalid"))) {
				assertThat(describedBy).as("aria-describedby of invalid %s", attributes.get("name")).isNotBlank();
				if (!invalid.contains(attributes.get("name"))) {
					invalid.add(attributes.get("name"));
				}
			}
			else {
				assertThat(attributes).as("attributes of %s", attributes.get("name")).doesNotContainKey("aria-invalid");
			}
		}
		Matcher errorList = ERROR_LIST.matcher(html);
		while (errorList.find()) {
			String id = attributes(errorList.group(1)).get("id");
			assertThat(id).as("id of an error list").isNotBlank();
			assertThat(described).as("error lists named by an invalid control").contains(id);
		}
		assertThat(invalid).as("controls marked invalid").isNotEmpty();
		return invalid;
	}

	private static Map<String, String> attributes(String tag) {
		Map<String, String> attributes = new HashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(tag);
		while (attribute.find()) {
			attributes.put(attribute.group(1), attribute.group(2) == null ? "" : attribute.group(2));
		}
		return attributes;
	}

	private String render(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long openPetition() throws Exception {
		String location = this.mvc
			.perform(post("/admin/petitions").with(ADMIN)
				.with(csrf())
				.param("title", "Marked fields")
				.param("target", "Embassy")
				.param("demands", "Safe passage")
				.param("background", "Why it matters.")
				.param("signatureGoal", "")
				.param("closingDate", ""))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(location + "/submit").with(ADMIN).with(csrf()));
		this.mvc.perform(post(location + "/open").with(ADMIN).with(csrf()));
		return Long.parseLong(location.replaceAll(".*/", ""));
	}

}
