package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * htmx is named without a version (the pom holds it), is served from its webjar, is
 * linked with its version so that browsers fetch a new one at once, and is allowed by the
 * content security policy.
 */
class WebJarsIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void htmxIsServedAtItsVersionFreePath() throws Exception {
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"))
			.andExpect(content().string(containsString("htmx")))
			.andExpect(header().string("Cache-Control", containsString("max-age=604800")));
	}

	@Test
	void pagesLinkTheVersionedHtmxFromTheSiteItselfAsThePolicyAllows() throws Exception {
		String src = mvc.perform(get("/petitions"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
		mvc.perform(get(src)).andExpect(status().isOk()).andExpect(content().string(containsString("htmx")));
		assertThat(src).matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js");
	}

}
